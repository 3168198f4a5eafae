import { DEFAULT_LISTEN_HOST, DEFAULT_LISTEN_PORT, type ProfileInput, type ProfileView } from '../../../shared/contract';
import type { Messages } from '../i18n/english';
import { isLoopback } from './listen-address-field';

/**
 * Where the shop's customers pay, which decides where they can come back to: a browser on this computer
 * (loopback), their phones on the shop's Wi-Fi (a LAN address), or their phones anywhere (a public return
 * address in front of PayDesk: a tunnel or the shop's own web server).
 */
export const WHERE_CUSTOMERS_PAY = ['this_computer', 'shop_wifi', 'anywhere'] as const;
export type WhereCustomersPay = (typeof WHERE_CUSTOMERS_PAY)[number];

/** The profile form as typed. The API key is never filled in from a saved profile: it starts empty. */
export type ProfileDraft = {
  name: string;
  baseUrl: string;
  apiKey: string;
  /** Null for a new live profile until the shopkeeper says: loopback is no default for a shop whose customers pay on phones. */
  where: WhereCustomersPay | null;
  listenHost: string;
  listenPort: string;
  returnBaseUrl: string;
};

export type DraftField = keyof ProfileDraft;

/** What a saved profile's listener fields mean in words. */
export const whereOf = (profile: Pick<ProfileView, 'listenHost' | 'returnBaseUrl'>): WhereCustomersPay =>
  profile.returnBaseUrl ? 'anywhere' : isLoopback(profile.listenHost, []) ? 'this_computer' : 'shop_wifi';

export const draftOf = (profile: ProfileView | null): ProfileDraft => ({
  name: profile?.name ?? '',
  baseUrl: profile?.baseUrl ?? '',
  apiKey: '',
  where: profile ? whereOf(profile) : null,
  listenHost: profile?.listenHost ?? DEFAULT_LISTEN_HOST,
  listenPort: String(profile?.listenPort ?? DEFAULT_LISTEN_PORT),
  returnBaseUrl: profile?.returnBaseUrl ?? '',
});

/** The draft's return listener differs from the saved profile's: checks of the way back wait for a save. */
export const listenerEdited = (draft: ProfileDraft, profile: ProfileView): boolean => {
  const saved = draftOf(profile);
  return (
    draft.where !== saved.where ||
    draft.listenHost.trim() !== saved.listenHost ||
    draft.listenPort.trim() !== saved.listenPort ||
    (draft.where === 'anywhere' && draft.returnBaseUrl.trim() !== saved.returnBaseUrl)
  );
};

const DRAFT_FIELDS = new Set<string>(Object.keys(draftOf(null)));

/** The form field an `invalid_input` reply names ("profile.baseUrl", "apiKey"), if it is one of ours. */
export function draftFieldOf(field: string | null): DraftField | null {
  const name = field?.replace(/^profile\./, '') ?? null;
  return name !== null && DRAFT_FIELDS.has(name) ? (name as DraftField) : null;
}

type Checked = { ok: true; profile: ProfileInput } | { ok: false; field: DraftField; message: string };

type Words = Pick<Messages, 'portInvalid' | 'whereRequired' | 'wifiAddressRequired' | 'publicAddressRequired'>;

/**
 * The draft as the core's `ProfileInput`: where customers pay decides the listen address and whether links name
 * a public return address. The core checks everything again; this catches what only the choice can say (no
 * choice, a Wi-Fi choice without a network address, "anywhere" without its address) and a port that is not a
 * number, whose core message ("expected number") would mean nothing at a shop counter.
 */
export function profileInputOf(draft: ProfileDraft, mode: 'live' | 'sandbox', words: Words): Checked {
  if (draft.where === null) return { ok: false, field: 'where', message: words.whereRequired };
  const host = draft.listenHost.trim();
  if (draft.where === 'shop_wifi' && (host === '' || isLoopback(host, []))) {
    return { ok: false, field: 'listenHost', message: words.wifiAddressRequired };
  }
  const returnBaseUrl = draft.returnBaseUrl.trim();
  if (draft.where === 'anywhere' && returnBaseUrl === '') {
    return { ok: false, field: 'returnBaseUrl', message: words.publicAddressRequired };
  }
  const port = draft.listenPort.trim();
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    return { ok: false, field: 'listenPort', message: words.portInvalid };
  }
  return {
    ok: true,
    profile: {
      name: draft.name,
      // Kept exactly as typed: the gateway compares it character by character.
      baseUrl: draft.baseUrl,
      listenHost: draft.where === 'this_computer' && !isLoopback(host, []) ? DEFAULT_LISTEN_HOST : host,
      listenPort: Number(port),
      returnBaseUrl: draft.where === 'anywhere' ? returnBaseUrl : undefined,
      mode,
    },
  };
}
