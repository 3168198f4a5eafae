import { useLanguage } from '../i18n/language-provider';

/** What a printable document (a receipt, a QR sign, a day's close) can be turned into. */
export type DocumentOutput = 'preview' | 'print' | 'pdf';

type Props = {
  /** The output under way, if any: every button waits for it. */
  busy: DocumentOutput | null;
  onOutput(to: DocumentOutput): void;
  className: string;
};

/** Preview, Print, Save as PDF: the same three buttons, in the same order, wherever PayDesk prints. */
export function DocumentButtons({ busy, onOutput, className }: Props) {
  const { t } = useLanguage();
  return (
    <div className={className}>
      <button type="button" className="secondary" onClick={() => onOutput('preview')} disabled={busy !== null}>
        {t.previewReceipt}
      </button>
      <button type="button" className="secondary" onClick={() => onOutput('print')} disabled={busy !== null}>
        {t.printReceipt}
      </button>
      <button type="button" className="confirm" onClick={() => onOutput('pdf')} disabled={busy !== null}>
        {busy === 'pdf' ? t.saving : t.saveReceiptPdf}
      </button>
    </div>
  );
}
