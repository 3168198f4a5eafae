import { useState } from 'react';
import type { AppError, Order } from '../../../shared/contract';
import { DataText } from '../data-text';
import { ErrorAlert } from '../error-alert';
import { DocumentButtons, type DocumentOutput } from '../exports/document-buttons';
import { LayoutChoice, type ReceiptLayoutId } from '../exports/layout-choice';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';

/** A pending link's QR code as a sign for the counter, on the 80 mm roll or on A4: shown, printed or saved as a PDF. */
export function PrintQr({ order }: { order: Order }) {
  const { t } = useLanguage();
  const [layout, setLayout] = useState<ReceiptLayoutId>('roll80');
  const [busy, setBusy] = useState<DocumentOutput | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function output(to: DocumentOutput) {
    setBusy(to);
    setSaved(false);
    setError(null);
    const reply = await callPaydesk('outputQrSign', { ref: order.ref, layout, to });
    setBusy(null);
    // saved:false from the save dialog is the shopkeeper closing it: nothing happened, so nothing is said.
    if (reply.ok) setSaved(reply.value.saved);
    else setError(reply.error);
  }

  return (
    <section className="print-qr" aria-labelledby="print-qr-title" aria-busy={busy !== null}>
      <h3 id="print-qr-title">{t.printQrTitle}</h3>
      <p className="field-hint">{t.printQrHint}</p>
      <LayoutChoice
        name="qr-sign-layout"
        value={layout}
        onChange={(next) => {
          setSaved(false);
          setLayout(next);
        }}
        disabled={busy !== null}
      />
      <DocumentButtons className="receipt-actions" busy={busy} onOutput={output} />
      <p className="saved-inline" role="status">
        {saved && <DataText text={t.qrSignSaved(order.ref)} data={[order.ref]} />}
      </p>
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
