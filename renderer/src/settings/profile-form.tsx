import { useEffect, useState, type FormEvent } from 'react';
import type { ProfileView, VaultStatus } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { callPaydesk } from '../paydesk-call';
import { useLanguage } from '../i18n/language-provider';
import { TextField } from '../text-field';
import { useFormReply } from '../use-form-reply';
import { ApiKeyField, keyStateWords } from './api-key-field';
import { ConnectionCheck } from './connection-check';
import { isLoopback, ListenAddressField, useBindAddresses } from './listen-address-field';
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
  const { t } = useLanguage();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const { error, setError, fieldErrors, inputs, bind, clearFieldError, clearFieldErrors, showFieldError, showReplyError } =
    useFormReply(draftFieldOf);
  const [saving, setSaving] = useState(false);
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
      : t.exposureWarning;

  const edit = (name: DraftField) => (value: string) => {
    setDraft((current) => ({ ...current, [name]: value }));
    clearFieldError(name);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setError(null);
    clearFieldErrors();
    const checked = profileInputOf(draft, mode, t.portInvalid);
    if (!checked.ok) return showFieldError(checked.field, checked.message);

    setSaving(true);
    const reply = await callPaydesk('saveProfile', { originalName: profile?.name, profile: checked.profile });
    if (!reply.ok) {
      setSaving(false);
      return showReplyError(reply.error);
    }
    let saved = reply.value;
    if (draft.apiKey !== '') {
      const keyReply = await callPaydesk('setApiKey', { profileName: saved.name, apiKey: draft.apiKey });
      if (!keyReply.ok) {
        setSaving(false);
        await onSaved(saved);
        const message = t.keyNotSaved(keyReply.error.message);
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
        <span className={`mode-chip mode-${mode}`}>{sandbox ? t.modeSandbox : t.modeLive}</span>{' '}
        {sandbox ? t.sandboxModeLine : t.liveModeLine}
      </p>
      <TextField
        id="profile-name"
        label={t.profileName}
        value={draft.name}
        onChange={edit('name')}
        error={fieldErrors.name}
        hint={sandbox ? t.profileNameHintSandbox : t.profileNameHintLive}
        readOnly={sandbox}
        autoFocus={!profile}
        autoComplete="off"
        maxLength={60}
        inputRef={bind('name')}
      />
      <TextField
        id="base-url"
        label={t.baseUrl}
        className="mono"
        value={draft.baseUrl}
        onChange={edit('baseUrl')}
        error={fieldErrors.baseUrl}
        hint={sandbox ? t.baseUrlHintSandbox : t.baseUrlHintLive}
        readOnly={sandbox}
        autoComplete="off"
        spellCheck={false}
        placeholder="https://pay.example.com/api"
        inputRef={bind('baseUrl')}
      />
      <ConnectionCheck profile={profile} edited={profile !== null && draft.baseUrl !== profile.baseUrl} />
      {sandbox ? (
        <div className="field">
          <span className="label">{t.apiKey}</span>
          <p className="key-state">{keyStateWords({ state: 'not_needed', hint: null }, protection, t)}</p>
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
        <legend>{t.returnListener}</legend>
        <p className="field-hint">{t.returnListenerHint}</p>
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
            label={t.port}
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
          label={t.publicReturnAddress}
          optional
          className="mono"
          value={draft.returnBaseUrl}
          onChange={edit('returnBaseUrl')}
          error={fieldErrors.returnBaseUrl}
          hint={t.publicReturnHint}
          autoComplete="off"
          spellCheck={false}
          placeholder="https://shop.example.net"
          inputRef={bind('returnBaseUrl')}
        />
      </fieldset>
      {error && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t.saving : profile ? t.saveChanges : t.saveProfile}
        </button>
        {!profile && (
          <button type="button" className="secondary" onClick={onCancel} disabled={saving}>
            {t.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
