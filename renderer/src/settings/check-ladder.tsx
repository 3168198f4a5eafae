import type { Message } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { MessageText } from '../data-text';

type Report<S extends string> = {
  ok: boolean;
  message: Message;
  warning: Message | null;
  steps: { step: S; ok: boolean; detail: Message }[];
};

/**
 * A check's outcome as the ladder of steps it climbed (address, name, connection, certificate, answer), each
 * ticked or crossed with the core's sentence in the shopkeeper's language, under one line that says all is well or what failed.
 */
export function CheckLadder<S extends string>({ report, names }: { report: Report<S>; names: Record<S, string> }) {
  const { t } = useLanguage();
  return (
    <div className={`connection-result ${report.ok ? 'is-ok' : 'is-failed'}`}>
      <p className="connection-message">
        <MessageText message={report.message} />
      </p>
      <ol className="connection-steps">
        {report.steps.map((step) => (
          <li key={step.step} data-ok={step.ok}>
            <span className="step-mark" aria-hidden="true">
              {step.ok ? '✓' : '✗'}
            </span>
            <span className="step-name">{names[step.step]}</span>
            <span className="step-outcome">{step.ok ? t.stepOk : t.stepFailed}</span>
            <span className="step-detail">
              <MessageText message={step.detail} />
            </span>
          </li>
        ))}
      </ol>
      {report.warning && (
        <p className="connection-warning">
          <MessageText message={report.warning} />
        </p>
      )}
    </div>
  );
}
