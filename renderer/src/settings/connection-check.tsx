import { useState } from 'react';
import type { AppError, ConnectionReport } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';

type Checked = { baseUrl: string; report: ConnectionReport } | { baseUrl: string; error: AppError };

/** Tries the typed Base URL step by step, so a wrong address, a blocked port or a bad certificate each show as such. */
export function ConnectionCheck({ baseUrl, mode }: { baseUrl: string; mode: 'live' | 'sandbox' }) {
  const { t } = useLanguage();
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  // A result is about the address it was made for; once the address is edited it says nothing.
  const shown = checked?.baseUrl === baseUrl ? checked : null;

  async function check() {
    setChecking(true);
    const reply = await callPaydesk('checkConnection', { baseUrl, mode });
    setChecking(false);
    setChecked(reply.ok ? { baseUrl, report: reply.value } : { baseUrl, error: reply.error });
  }

  return (
    <div className="connection-check">
      <button type="button" className="secondary" onClick={check} disabled={checking || baseUrl.trim() === ''}>
        {checking ? t.checking : t.checkConnection}
      </button>
      <span className="field-hint">{t.makesNoPayment}</span>
      <div role="status" aria-live="polite">
        {shown && 'report' in shown && <ConnectionResult report={shown.report} />}
      </div>
      {shown && 'error' in shown && <ErrorAlert error={shown.error} />}
    </div>
  );
}

function ConnectionResult({ report }: { report: ConnectionReport }) {
  const { t } = useLanguage();
  return (
    <div className={`connection-result ${report.ok ? 'is-ok' : 'is-failed'}`}>
      <p className="connection-message">{report.message}</p>
      <ol className="connection-steps">
        {report.steps.map((step) => (
          <li key={step.step} data-ok={step.ok}>
            <span className="step-mark" aria-hidden="true">
              {step.ok ? '✓' : '✗'}
            </span>
            <span className="step-name">{t.connectionSteps[step.step]}</span>
            <span className="step-outcome">{step.ok ? t.stepOk : t.stepFailed}</span>
            <span className="step-detail">{step.detail}</span>
          </li>
        ))}
      </ol>
      {report.warning && <p className="connection-warning">{report.warning}</p>}
    </div>
  );
}
