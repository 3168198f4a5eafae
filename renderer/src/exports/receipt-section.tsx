import { useState } from 'react';
import type { AppError, Order } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { DataText } from '../data-text';
import { callPaydesk } from '../paydesk-call';
import { DocumentButtons, type DocumentOutput } from './document-buttons';
import { LayoutChoice, type ReceiptLayoutId } from './layout-choice';

type Props = {
  order: Order;
  /** The paper, shared with the bulk receipts and kept while PayDesk runs. */
  layout: ReceiptLayoutId;
  onLayoutChange(layout: ReceiptLayoutId): void;
};

/**
 * The receipt of a paid order: previewed in a window, printed through the system dialog (a thermal printer
 * takes the 80 mm roll), or saved as a PDF where the shopkeeper chooses in the save dialog.
 */
export function ReceiptSection({ order, layout, onLayoutChange }: Props) {
  const { t } = useLanguage();
  const [busy, setBusy] = useState<DocumentOutput | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function act(action: DocumentOutput) {
    setBusy(action);
    setSaved(false);
    setError(null);
    const request = { ref: order.ref, layout };
    if (action === 'pdf') {
      const reply = await callPaydesk('saveReceiptPdf', request);
      // saved:false is the shopkeeper closing the dialog: nothing happened, so nothing is said.
      if (reply.ok) setSaved(reply.value.saved);
      else setError(reply.error);
    } else {
      const reply = await callPaydesk(action === 'print' ? 'printReceipt' : 'previewReceipt', request);
      if (!reply.ok) setError(reply.error);
    }
    setBusy(null);
  }

  return (
    <section className="detail-receipt" aria-labelledby="receipt-title" aria-busy={busy !== null}>
      <div className="receipt-head">
        <h3 id="receipt-title">{t.receiptTitle}</h3>
        <LayoutChoice
          name="receipt-layout"
          value={layout}
          onChange={(next) => {
            setSaved(false);
            onLayoutChange(next);
          }}
          disabled={busy !== null}
        />
      </div>
      <DocumentButtons className="receipt-actions" busy={busy} onOutput={act} />
      <p className="saved-inline" role="status">
        {saved && <DataText text={t.receiptSaved(order.ref)} data={[order.ref]} />}
      </p>
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
