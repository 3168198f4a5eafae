import { useLanguage } from '../i18n/language-provider';

type Report<S extends string> = {
  ok: boolean;
  message: string;
  warning: string | null;
  steps: { step: S; ok: boolean; detail: string }[];
};

/**
 * A check's outcome as the ladder of steps it climbed (address, name, connection, certificate, answer), each
 * ticked or crossed with the core's sentence, under one line that says all is well or what failed.
 */
export function CheckLadder<S extends string>({ report, names }: { report: Report<S>; names: Record<S, string> }) {
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
            <span className="step-name">{names[step.step]}</span>
            <span className="step-outcome">{step.ok ? t.stepOk : t.stepFailed}</span>
            <span className="step-detail">{step.detail}</span>
          </li>
        ))}
      </ol>
      {report.warning && <p className="connection-warning">{report.warning}</p>}
    </div>
  );
}
