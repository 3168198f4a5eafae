import { useEffect, useRef, useState } from 'react';
import type { ExportFilter } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { ExportProgress } from './export-progress';
import type { ReceiptLayoutId } from './layout-choice';
import { ReceiptsDialog, type ReceiptsMode } from './receipts-dialog';
import { useExportRun, type ExportKind } from './use-export-run';

type Props = {
  /** Exactly the filter the list shows. */
  filter: ExportFilter;
  /** Paid orders among the listed ones; null while the list is counting. */
  paidCount: number | null;
  layout: ReceiptLayoutId;
  onLayoutChange(layout: ReceiptLayoutId): void;
};

/**
 * The list as the shopkeeper sees it, taken away: its orders as CSV for the accountant, or its paid orders'
 * receipts as PDF. The core shows the save or folder dialog; one export runs at a time, with progress and Cancel.
 */
export function OrdersExports({ filter, paidCount, layout, onLayoutChange }: Props) {
  const { t, formats } = useLanguage();
  const run = useExportRun();
  const [choosing, setChoosing] = useState(false);
  const starters = useRef<Record<ExportKind, HTMLButtonElement | null>>({ csv: null, receipts: null });
  const lastKind = useRef<ExportKind>('csv');
  const wasRunning = useRef(false);
  const { running, outcome } = run;

  // The buttons are disabled while an export runs, so the focus is lost: when it ends, it goes back to the one pressed.
  useEffect(() => {
    if (running) {
      wasRunning.current = true;
      return;
    }
    if (!wasRunning.current) return;
    wasRunning.current = false;
    const focused = document.activeElement;
    if (!focused || focused === document.body) starters.current[lastKind.current]?.focus();
  }, [running]);

  const exportCsv = () => {
    lastKind.current = 'csv';
    void run.start('csv', () => callPaydesk('exportOrdersCsv', { filter }));
  };

  const exportReceipts = (mode: ReceiptsMode) => {
    setChoosing(false);
    lastKind.current = 'receipts';
    void run.start('receipts', () => callPaydesk('exportReceipts', { filter, layout, mode }));
  };

  const said =
    outcome?.ended === 'saved'
      ? (outcome.kind === 'csv' ? t.ordersExported : t.receiptsSaved)(outcome.count, formats.count(outcome.count))
      : outcome?.ended === 'cancelled'
        ? t.exportCancelled
        : '';

  return (
    <>
      <div className="orders-exports">
        <p className={`export-outcome${outcome?.ended === 'cancelled' ? ' is-cancelled' : ''}`} role="status">
          {said}
        </p>
        {said && (
          <button type="button" className="icon-button" aria-label={t.dismissOutcome} onClick={run.dismiss}>
            ×
          </button>
        )}
        <button
          type="button"
          className="secondary"
          ref={(element) => {
            starters.current.csv = element;
          }}
          onClick={exportCsv}
          disabled={running !== null}
        >
          {t.exportCsv}
        </button>
        <button
          type="button"
          className="secondary"
          ref={(element) => {
            starters.current.receipts = element;
          }}
          aria-haspopup="dialog"
          onClick={() => setChoosing(true)}
          disabled={running !== null}
        >
          {t.exportReceipts}
        </button>
      </div>
      {running && <ExportProgress running={running} onCancel={run.cancel} />}
      {outcome?.ended === 'failed' && <ErrorAlert error={outcome.error} />}
      {choosing && (
        <ReceiptsDialog
          paidCount={paidCount}
          layout={layout}
          onLayoutChange={onLayoutChange}
          onStart={exportReceipts}
          onClose={() => setChoosing(false)}
        />
      )}
    </>
  );
}
