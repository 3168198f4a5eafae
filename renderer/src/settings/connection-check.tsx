import { useState } from 'react';
import type { AppError, ConnectionReport, ProfileView } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { CheckLadder } from './check-ladder';

type Saved = Pick<ProfileView, 'name' | 'baseUrl'>;
type Checked = { of: string; report: ConnectionReport } | { of: string; error: AppError };

const checkedOf = (profile: Saved) => `${profile.name}\n${profile.baseUrl}`;

type Props = {
  /** The profile as saved; null while a new one is being added. */
  profile: Saved | null;
  /** The form's Base URL differs from the saved one. */
  edited: boolean;
};

/**
 * Tries the saved profile's Base URL step by step, so a wrong address, a blocked port or a bad certificate each
 * show as such. The core checks only a profile's own saved address, so an address being typed is saved first.
 */
export function ConnectionCheck({ profile, edited }: Props) {
  const { t } = useLanguage();
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  // A result is about the address it was made for; once another address is saved it says nothing.
  const shown = profile && checked?.of === checkedOf(profile) ? checked : null;
  const ready = profile !== null && !edited;

  async function check() {
    if (!profile) return;
    setChecking(true);
    const reply = await callPaydesk('checkConnection', { profileName: profile.name });
    setChecking(false);
    const of = checkedOf(profile);
    setChecked(reply.ok ? { of, report: reply.value } : { of, error: reply.error });
  }

  return (
    <div className="connection-check">
      <button type="button" className="secondary" onClick={check} disabled={checking || !ready} aria-describedby="connection-check-hint">
        {checking ? t.checking : t.checkConnection}
      </button>
      <span className="field-hint" id="connection-check-hint">
        {!profile ? t.checkSavesFirst : edited ? t.checkSavedOnly : t.makesNoPayment}
      </span>
      <div role="status" aria-live="polite">
        {shown && !edited && 'report' in shown && <CheckLadder report={shown.report} names={t.connectionSteps} />}
      </div>
      {shown && !edited && 'error' in shown && <ErrorAlert error={shown.error} />}
    </div>
  );
}
