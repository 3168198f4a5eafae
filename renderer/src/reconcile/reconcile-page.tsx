import { useEffect, useRef, useState } from 'react';
import type { AppError, ReconciliationReport, StatementPreview, Verification } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { ReconciliationReportView } from './reconciliation-report';
import { StatementMappingForm } from './statement-mapping-form';
import { UnclaimedPayments } from './unclaimed-payments';
import { useUnclaimed } from './use-unclaimed';

type Props = {
  /** Whether the screen is on show: the unclaimed payments are asked again each time it is opened. */
  visible: boolean;
  /** Orders' verifications changed wholesale: the orders list must ask again. */
  onImported(): void;
  onShowOrders(verification: Verification): void;
  onOpenOrder(ref: string): void;
  announce(message: string): void;
};

/** What the import part of the screen shows: nothing yet, a file being mapped, or what its import did. */
type Stage =
  { kind: 'idle' } | { kind: 'mapping'; preview: StatementPreview } | { kind: 'report'; report: ReconciliationReport; fileName: string };

/**
 * Statements against orders: import a statement (the main process shows the open dialog; the shopkeeper checks
 * which column holds what), see what it proved, and settle the payments no order claims.
 */
export function ReconcilePage({ visible, onImported, onShowOrders, onOpenOrder, announce }: Props) {
  const { t } = useLanguage();
  const unclaimed = useUnclaimed();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const reportRef = useRef<HTMLDivElement>(null);
  const { reload } = unclaimed;

  useEffect(() => {
    if (visible) void reload();
  }, [visible, reload]);

  async function choose() {
    setOpening(true);
    setError(null);
    const reply = await callPaydesk('chooseStatement', {});
    setOpening(false);
    if (!reply.ok) return setError(reply.error);
    // null: the shopkeeper closed the dialog, and whatever was on show stays.
    if (reply.value) setStage({ kind: 'mapping', preview: reply.value });
  }

  async function imported(report: ReconciliationReport, fileName: string) {
    setStage({ kind: 'report', report, fileName });
    announce(t.importedAnnouncement(fileName));
    onImported();
    requestAnimationFrame(() => reportRef.current?.focus());
    await unclaimed.reload();
  }

  const cancel = () => {
    setStage({ kind: 'idle' });
    chooseButton.current?.focus();
  };

  return (
    <div className="reconcile">
      <section className="card reconcile-import" aria-labelledby="reconcile-title" aria-busy={opening}>
        <div className="panel-head">
          <h2 id="reconcile-title">{t.reconcileTitle}</h2>
          <button type="button" ref={chooseButton} className="confirm" onClick={choose} disabled={opening} aria-haspopup="dialog">
            {opening ? t.openingStatement : stage.kind === 'idle' ? t.importStatement : t.chooseAnotherStatement}
          </button>
        </div>
        <p className="card-intro muted">{t.reconcileIntro}</p>
        {error && <ErrorAlert error={error} />}
        {stage.kind === 'mapping' && (
          <StatementMappingForm
            key={stage.preview.token}
            preview={stage.preview}
            onImported={(report) => imported(report, stage.preview.fileName)}
            onCancel={cancel}
          />
        )}
        {stage.kind === 'report' && (
          <div ref={reportRef} tabIndex={-1} className="report-focus">
            <ReconciliationReportView report={stage.report} fileName={stage.fileName} onShowOrders={onShowOrders} />
          </div>
        )}
      </section>
      <UnclaimedPayments unclaimed={unclaimed} onOpenOrder={onOpenOrder} announce={announce} />
    </div>
  );
}
