import { useEffect, useRef, useState } from 'react';
import type { AppError, ReturnCheckReport } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { CheckLadder } from './check-ladder';

type Checked = { of: string | null; report: ReturnCheckReport } | { of: string | null; error: AppError };

type Props = {
  /** The check cannot run for the profile on show (not saved, not in use, edited): the form says why. */
  blocked: boolean;
  /** Where links send customers back now: a result speaks of that address only. */
  returnUrl: string | null;
  /** Settings was opened to check: the check runs at once. */
  autoRun: boolean;
  /** A check ran: whether PayDesk has heard itself is now known to the status. */
  onChecked(): void;
};

/**
 * "Check the return address": PayDesk requests its own return address with a one-time code and shows, step by
 * step like Check connection, whether its listener heard it, or where the way back breaks.
 */
export function ReturnCheck({ blocked, returnUrl, autoRun, onChecked }: Props) {
  const { t } = useLanguage();
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const region = useRef<HTMLDivElement>(null);
  const shown = checked && checked.of === returnUrl ? checked : null;

  async function check() {
    setChecking(true);
    const reply = await callPaydesk('checkReturnAddress', {});
    setChecking(false);
    setChecked(reply.ok ? { of: returnUrl, report: reply.value } : { of: returnUrl, error: reply.error });
    onChecked();
  }

  useEffect(() => {
    if (!autoRun || blocked) return;
    region.current?.scrollIntoView({ block: 'center' });
    void check();
    // Once, as Settings opens: later checks are the shopkeeper's.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately once, on mount
  }, []);

  return (
    <div className="connection-check return-check" ref={region}>
      <button type="button" className="secondary" onClick={check} disabled={checking || blocked} aria-describedby="return-check-hint">
        {checking ? t.checking : t.checkReturnAddress}
      </button>
      <span className="field-hint" id="return-check-hint">
        {t.returnCheckHint}
      </span>
      <div role="status" aria-live="polite">
        {shown && 'report' in shown && <CheckLadder report={shown.report} names={t.returnSteps} />}
      </div>
      {shown && 'error' in shown && <ErrorAlert error={shown.error} />}
    </div>
  );
}
