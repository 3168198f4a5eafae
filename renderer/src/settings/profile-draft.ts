import { DEFAULT_LISTEN_HOST, DEFAULT_LISTEN_PORT, type ProfileInput, type ProfileView } from '../../../shared/contract';

/** The profile form as typed. The API key is never filled in from a saved profile: it starts empty. */
export type ProfileDraft = {
  name: string;
  baseUrl: string;
  apiKey: string;
  listenHost: string;
  listenPort: string;
  returnBaseUrl: string;
};

export type DraftField = keyof ProfileDraft;

export const draftOf = (profile: ProfileView | null): ProfileDraft => ({
  name: profile?.name ?? '',
  baseUrl: profile?.baseUrl ?? '',
  apiKey: '',
  listenHost: profile?.listenHost ?? DEFAULT_LISTEN_HOST,
  listenPort: String(profile?.listenPort ?? DEFAULT_LISTEN_PORT),
  returnBaseUrl: profile?.returnBaseUrl ?? '',
});

const DRAFT_FIELDS = new Set<string>(Object.keys(draftOf(null)));

/** The form field an `invalid_input` reply names ("profile.baseUrl", "apiKey"), if it is one of ours. */
export function draftFieldOf(field: string | null): DraftField | null {
  const name = field?.replace(/^profile\./, '') ?? null;
  return name !== null && DRAFT_FIELDS.has(name) ? (name as DraftField) : null;
}

type Checked = { ok: true; profile: ProfileInput } | { ok: false; field: DraftField; message: string };

/**
 * The draft as the core's `ProfileInput`. The core checks everything again; this only catches a port that is
 * not a number, whose core message ("expected number") would mean nothing at a shop counter.
 */
export function profileInputOf(draft: ProfileDraft, mode: 'live' | 'sandbox', portInvalid: string): Checked {
  const port = draft.listenPort.trim();
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    return { ok: false, field: 'listenPort', message: portInvalid };
  }
  return {
    ok: true,
    profile: {
      name: draft.name,
      // Kept exactly as typed: the gateway compares it character by character.
      baseUrl: draft.baseUrl,
      listenHost: draft.listenHost,
      listenPort: Number(port),
      returnBaseUrl: draft.returnBaseUrl.trim() === '' ? undefined : draft.returnBaseUrl.trim(),
      mode,
    },
  };
}
