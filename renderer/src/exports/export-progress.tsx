import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import type { RunningExport } from './use-export-run';

type Props = { running: RunningExport; onCancel(): void };

/**
 * How far an export has got, from the core's progress events: a bar with "120 of 1,000 receipts" and Cancel.
 * Until the first event (the save dialog, the first batch) the bar has no value: it is under way, not measured.
 */
export function ExportProgress({ running, onCancel }: Props) {
  const { t, formats } = useLanguage();
  const { kind, done, total, cancelling, cancelError } = running;
  const measured = done !== null && total !== null && total > 0;
  const counted = measured
    ? (kind === 'csv' ? t.ordersProgress : t.receiptsProgress)(formats.count(done), total, formats.count(total))
    : t.exportStarting;
  const percent = measured ? Math.min(100, (done / total) * 100) : 0;

  return (
    <div className="export-progress">
      <p className="export-progress-title" id="export-progress-title">
        {kind === 'csv' ? t.exportingOrders : t.makingReceipts}
      </p>
      <div
        className={`progress-track${measured ? '' : ' is-indeterminate'}`}
        role="progressbar"
        aria-labelledby="export-progress-title"
        aria-valuemin={0}
        aria-valuemax={measured ? total : undefined}
        aria-valuenow={measured ? done : undefined}
        aria-valuetext={counted}
      >
        <div className="progress-fill" style={measured ? { width: `${percent}%` } : undefined} />
      </div>
      <p className="export-progress-count" aria-hidden="true">
        {cancelling ? t.cancellingExport : counted}
      </p>
      <button type="button" className="secondary small" onClick={onCancel} disabled={cancelling}>
        {t.stopExport}
      </button>
      {cancelError && <ErrorAlert error={cancelError} />}
    </div>
  );
}
