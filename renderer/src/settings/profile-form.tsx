import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError, ProfileView, VaultStatus } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { callPaydesk } from '../paydesk-call';
import { TextField } from '../text-field';
import { ApiKeyField, keyStateWords } from './api-key-field';
import { ConnectionCheck } from './connection-check';
import { GENERIC_EXPOSURE_WARNING, isLoopback, ListenAddressField, useBindAddresses } from './listen-address-field';
import { draftFieldOf, draftOf, profileInputOf, type DraftField, type ProfileDraft } from './profile-draft';

type Props = {
  /** The profile being edited; null while adding one. */
  profile: ProfileView | null;
  protection: VaultStatus['protection'] | undefined;
  /** What the running listener exposes, when this is the profile in use; null on loopback. */
  listenerWarning: string | null;
  /** Opened to fix the Base URL the gateway refused: the field gets the focus, its text selected. */
  focusBaseUrl: boolean;
  onSaved(saved: ProfileView): Promise<void>;
  onCancel(): void;
};

/** A merchant profile: which gateway, with which key, and where customers come back to. */
export function ProfileForm({ profile, protection, listenerWarning, focusBaseUrl, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const inputs = useRef<Partial<Record<DraftField, HTMLInputElement | null>>>({});
  const addresses = useBindAddresses();

  useEffect(() => {
    if (!focusBaseUrl) return;
    inputs.current.baseUrl?.focus();
    inputs.current.baseUrl?.select();
  }, [focusBaseUrl]);

  const mode = profile?.mode ?? 'live';
  const sandbox = mode === 'sandbox';
  const savedHost = profile?.listenHost ?? null;
  const exposure = isLoopback(draft.listenHost, addresses)
    ? null
    : draft.listenHost === savedHost && profile?.active && listenerWarning
      ? listenerWarning
      : GENERIC_EXPOSURE_WARNING;

  const edit = (name: DraftField) => (value: string) => {
    setDraft((current) => ({ ...current, [name]: value }));
    setFieldErrors(({ [name]: _fixed, ...others }) => others);
  };
  const bind = (name: DraftField) => (element: HTMLInputElement | null) => {
    inputs.current[name] = element;
  };
  const showFieldError = (field: DraftField, message: string) => {
    setFieldErrors({ [field]: message });
    inputs.current[field]?.focus();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setError(null);
    setFieldErrors({});
    const checked = profileInputOf(draft, mode);
    if (!checked.ok) return showFieldError(checked.field, checked.message);

    setSaving(true);
    const reply = await callPaydesk('saveProfile', { originalName: profile?.name, profile: checked.profile });
    if (!reply.ok) {
      setSaving(false);
      const field = reply.error.kind === 'invalid_input' ? draftFieldOf(reply.error.field) : null;
      return field ? showFieldError(field, reply.error.message) : setError(reply.error);
    }
    let saved = reply.value;
    if (draft.apiKey !== '') {
      const keyReply = await callPaydesk('setApiKey', { profileName: saved.name, apiKey: draft.apiKey });
      if (!keyReply.ok) {
        setSaving(false);
        await onSaved(saved);
        const message = `The profile was saved, but not the API key: ${keyReply.error.message}`;
        return draftFieldOf(keyReply.error.field) === 'apiKey' ? showFieldError('apiKey', message) : setError({ ...keyReply.error, message });
      }
      saved = keyReply.value;
    }
    setDraft((current) => ({ ...current, apiKey: '' }));
    setSaving(false);
    await onSaved(saved);
  }

  return (
    <form className="profile-form" onSubmit={submit} noValidate aria-busy={saving}>
      <p className="mode-line">
        <span className={`mode-chip mode-${mode}`}>{sandbox ? 'Sandbox' : 'Live'}</span>{' '}
        {sandbox ? 'PayDesk’s built-in practice gateway: no real money moves.' : 'Real payments through your gateway.'}
      </p>
      <TextField
        id="profile-name"
        label="Profile name"
        value={draft.name}
        onChange={edit('name')}
        error={fieldErrors.name}
        hint={sandbox ? 'The sandbox keeps its name.' : 'Your name for this gateway account, for example the shop’s name.'}
        readOnly={sandbox}
        autoFocus={!profile}
        autoComplete="off"
        maxLength={60}
        inputRef={bind('name')}
      />
      <TextField
        id="base-url"
        label="Base URL"
        className="mono"
        value={draft.baseUrl}
        onChange={edit('baseUrl')}
        error={fieldErrors.baseUrl}
        hint={
          sandbox
            ? 'Set by PayDesk: the address of the built-in sandbox gateway.'
            : 'Exactly as shown on your gateway’s API Settings page. PayDesk also sends it to the gateway as client_base_url, so it must match character by character.'
        }
        readOnly={sandbox}
        autoComplete="off"
        spellCheck={false}
        placeholder="https://pay.example.com/api"
        inputRef={bind('baseUrl')}
      />
      <ConnectionCheck baseUrl={draft.baseUrl} mode={mode} />
      {sandbox ? (
        <div className="field">
          <span className="label">API key</span>
          <p className="key-state">{keyStateWords({ state: 'not_needed', hint: null }, protection)}</p>
        </div>
      ) : (
        <ApiKeyField
          saved={profile?.apiKey ?? null}
          protection={protection}
          value={draft.apiKey}
          onChange={edit('apiKey')}
          error={fieldErrors.apiKey ?? null}
          inputRef={bind('apiKey')}
        />
      )}
      <fieldset className="listener-fields">
        <legend>Return listener</legend>
        <p className="field-hint">Where the gateway sends customers back after they pay, so the order turns Paid.</p>
        <div className="listener-address">
          <ListenAddressField
            value={draft.listenHost}
            onChange={edit('listenHost')}
            addresses={addresses}
            error={fieldErrors.listenHost ?? null}
            warning={exposure}
            inputRef={bind('listenHost')}
          />
          <TextField
            id="listen-port"
            label="Port"
            inputMode="numeric"
            value={draft.listenPort}
            onChange={edit('listenPort')}
            error={fieldErrors.listenPort}
            autoComplete="off"
            maxLength={5}
            className="port"
            inputRef={bind('listenPort')}
          />
        </div>
        <TextField
          id="return-base-url"
          label="Public return address"
          optional
          className="mono"
          value={draft.returnBaseUrl}
          onChange={edit('returnBaseUrl')}
          error={fieldErrors.returnBaseUrl}
          hint="Only if customers reach this computer through another address, such as a tunnel. Leave empty to use the listen address."
          autoComplete="off"
          spellCheck={false}
          placeholder="https://shop.example.net"
          inputRef={bind('returnBaseUrl')}
        />
      </fieldset>
      {error && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : profile ? 'Save changes' : 'Save profile'}
        </button>
        {!profile && (
          <button type="button" className="secondary" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
