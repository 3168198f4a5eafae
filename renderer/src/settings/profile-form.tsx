import { useEffect, useState, type FormEvent } from 'react';
import type { AppStatus, ProfileView, VaultStatus } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { callPaydesk } from '../paydesk-call';
import { useLanguage } from '../i18n/language-provider';
import { TextField } from '../text-field';
import { useFormReply } from '../use-form-reply';
import { ApiKeyField, keyStateWords } from './api-key-field';
import { ConnectionCheck } from './connection-check';
import { CustomersPayChoice } from './customers-pay-choice';
import { isLoopback, useBindAddresses } from './listen-address-field';
import { PhoneTest } from './phone-test';
import { draftFieldOf, draftOf, listenerEdited, profileInputOf, type DraftField, type ProfileDraft } from './profile-draft';
import { ReturnCheck } from './return-check';

/** What Settings was opened to do in the form of the profile in use. */
export type ProfileFormFocus = 'base-url' | 'where' | 'check-return';

type Props = {
  /** The profile being edited; null while adding one. */
  profile: ProfileView | null;
  protection: VaultStatus['protection'] | undefined;
  /** Other counters work on this order book, each with a key store of its own. */
  sharedBook: boolean;
  /** The status on show: the return listener of the profile in use. */
  status: AppStatus | null;
  /**
   * Opened to fix the Base URL the gateway refused (the field gets the focus, its text selected), to choose
   * where customers pay, or to check the return address; null otherwise.
   */
  focus: ProfileFormFocus | null;
  onSaved(saved: ProfileView): Promise<void>;
  onCancel(): void;
  /** A check of the way back ran: the status has news. */
  onRefreshStatus(): void;
};

/** A merchant profile: which gateway, with which key, and where customers come back to. */
export function ProfileForm({ profile, protection, sharedBook, status, focus, onSaved, onCancel, onRefreshStatus }: Props) {
  const { t, say } = useLanguage();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const { error, setError, fieldErrors, inputs, bind, clearFieldError, clearFieldErrors, showFieldError, showReplyError } =
    useFormReply(draftFieldOf);
  const [saving, setSaving] = useState(false);
  const addresses = useBindAddresses();

  useEffect(() => {
    if (focus !== 'base-url') return;
    inputs.current.baseUrl?.focus();
    inputs.current.baseUrl?.select();
  }, [focus, inputs]);

  const mode = profile?.mode ?? 'live';
  const sandbox = mode === 'sandbox';
  const savedHost = profile?.listenHost ?? null;
  const listenerWarning = profile?.active ? (status?.listenerWarning ?? null) : null;
  const exposure = isLoopback(draft.listenHost, addresses)
    ? null
    : draft.listenHost === savedHost && listenerWarning
      ? say(listenerWarning)
      : t.exposureWarning;
  // The way back is checked as the profile in use runs it: saved, in use, and as saved.
  const proofBlocked = !profile
    ? t.proofSavesFirst
    : !profile.active
      ? t.proofInUseOnly
      : listenerEdited(draft, profile)
        ? t.proofSavedOnly
        : null;

  const change = (changes: Partial<ProfileDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    for (const name of Object.keys(changes) as DraftField[]) clearFieldError(name);
  };
  const edit = (name: DraftField) => (value: string) => change({ [name]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setError(null);
    clearFieldErrors();
    const checked = profileInputOf(draft, mode, t);
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
        // The profile is saved already: the field says so beside why the key was not.
        return draftFieldOf(keyReply.error.field) === 'apiKey'
          ? showFieldError('apiKey', t.keyNotSaved(say(keyReply.error)))
          : setError(keyReply.error);
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
        translate="no"
        inputRef={bind('baseUrl')}
      />
      <ConnectionCheck profile={profile} edited={profile !== null && draft.baseUrl !== profile.baseUrl} />
      {sandbox ? (
        <div className="field">
          <span className="label">{t.apiKey}</span>
          <p className="key-state">{keyStateWords({ state: 'not_needed', hint: null, heldElsewhere: [] }, protection, t)}</p>
        </div>
      ) : (
        <ApiKeyField
          saved={profile?.apiKey ?? null}
          protection={protection}
          sharedBook={sharedBook}
          value={draft.apiKey}
          onChange={edit('apiKey')}
          error={fieldErrors.apiKey ?? null}
          inputRef={bind('apiKey')}
        />
      )}
      <fieldset className="listener-fields">
        <legend>{t.returnListener}</legend>
        <p className="field-hint">{t.returnListenerHint}</p>
        <CustomersPayChoice
          draft={draft}
          onChange={change}
          addresses={addresses}
          errors={fieldErrors}
          bind={bind}
          exposure={exposure}
          focus={focus === 'where'}
          inUse={profile?.active === true}
          edited={profile !== null && listenerEdited(draft, profile)}
        />
        <TextField
          id="listen-port"
          label={t.port}
          inputMode="numeric"
          value={draft.listenPort}
          onChange={edit('listenPort')}
          error={fieldErrors.listenPort}
          hint={t.portHint}
          autoComplete="off"
          maxLength={5}
          className="port"
          inputRef={bind('listenPort')}
        />
        <div className="return-proof">
          <h3>{t.proveWayBack}</h3>
          {proofBlocked && <p className="proof-blocked">{proofBlocked}</p>}
          <ReturnCheck
            blocked={proofBlocked !== null}
            returnUrl={status?.returnUrl ?? null}
            autoRun={focus === 'check-return'}
            onChecked={onRefreshStatus}
          />
          <PhoneTest blocked={proofBlocked !== null} reach={profile?.active ? (status?.returnReach ?? null) : null} />
        </div>
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
