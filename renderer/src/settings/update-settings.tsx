import { useState, type FormEvent } from 'react';
import type { AppError, UpdateStatus } from '../../../shared/contract';
import type { Formats } from '../../../shared/messages/formats';
import { DataText } from '../data-text';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { useUpdateStatus } from '../status/use-update-status';
import { TextField } from '../text-field';

/**
 * Whether PayDesk asks the shop's release feed for a newer version, and where that feed is (off, and none, until
 * the shop says). Saving with the checks on asks at once, so a wrong address is told now rather than tomorrow.
 * It only tells: the download opens in the browser, and installing stays the shopkeeper's.
 */
export function UpdateSettings() {
  const { t, say, formats, preferences, savePreferences } = useLanguage();
  const { status, show } = useUpdateStatus();
  const [on, setOn] = useState(preferences.updateChecks);
  const [feed, setFeed] = useState(preferences.updateFeedUrl);
  const [busy, setBusy] = useState<'saving' | 'checking' | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [checkError, setCheckError] = useState<AppError | null>(null);

  async function checkNow() {
    setBusy('checking');
    setCheckError(null);
    const reply = await callPaydesk('checkForUpdates', {});
    setBusy(null);
    if (reply.ok) show({ check: reply.value, problem: null });
    else setCheckError(reply.error);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy('saving');
    setSaveError(null);
    setCheckError(null);
    const reply = await savePreferences({ ...preferences, updateChecks: on, updateFeedUrl: feed.trim() });
    setBusy(null);
    if (!reply.ok) return setSaveError(reply.error);
    await checkNow();
  }

  const saved = preferences.updateChecks && preferences.updateFeedUrl !== '';
  const changed = on !== preferences.updateChecks || feed.trim() !== preferences.updateFeedUrl;
  // A feed address PayDesk will not ask is said at the field; other failures (of this check, or of the last one at
  // start or overnight) under the buttons.
  const problem = checkError ?? status?.problem ?? null;
  const fieldError = [saveError, problem].find((error) => error?.field === 'updateFeedUrl') ?? null;
  const alert = [saveError, problem].find((error) => error && error !== fieldError && error.field !== 'updateFeedUrl') ?? null;

  return (
    <form className="update-settings" onSubmit={save} noValidate aria-busy={busy !== null}>
      <label className="checkbox">
        <input type="checkbox" checked={on} onChange={(event) => setOn(event.target.checked)} />
        {t.updateChecksLabel}
      </label>
      <TextField
        id="update-feed"
        label={t.updateFeedLabel}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={500}
        value={feed}
        onChange={setFeed}
        error={fieldError ? say(fieldError) : null}
        hint={t.updateFeedHint}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy !== null || !changed}>
          {busy === 'saving' ? t.saving : t.saveUpdates}
        </button>
        <button type="button" className="secondary" disabled={busy !== null || !saved || changed} onClick={() => void checkNow()}>
          {busy === 'checking' ? t.checkingUpdates : t.checkNow}
        </button>
      </div>
      <UpdateOutcome status={status} formats={formats} />
      {alert && <ErrorAlert error={alert} />}
    </form>
  );
}

/** What the last look found, said in one line: off, not yet, the newest, or a newer one with its download. */
function UpdateOutcome({ status, formats }: { status: UpdateStatus | null; formats: Formats }) {
  const { t } = useLanguage();
  const check = status?.check;
  return (
    <div className="update-outcome" role="status">
      {check === undefined ? null : check === null ? (
        <p className="muted">{t.updateNotChecked}</p>
      ) : check.state === 'off' ? (
        <p className="muted">{t.updatesOff}</p>
      ) : check.state === 'current' ? (
        <p>
          <DataText text={t.updateCurrent(check.version)} data={[check.version]} /> {t.updateCheckedAt(formats.dateTime(check.checkedAt))}
        </p>
      ) : (
        <p className="update-available">
          <strong>
            <DataText text={t.updateAvailable(check.version, check.running)} data={[check.version, check.running]} />
          </strong>{' '}
          {check.releaseDate && t.updateReleased(formats.date(check.releaseDate))}{' '}
          {check.downloadUrl && (
            <button type="button" className="primary small" onClick={() => void callPaydesk('openUpdateDownload', {})}>
              {t.download}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
