import { useState, type FormEvent } from 'react';
import { Dialog } from '../dialog';
import { useLanguage } from '../i18n/language-provider';
import { LayoutChoice, type ReceiptLayoutId } from './layout-choice';

export type ReceiptsMode = 'combined' | 'per-order';

type Props = {
  /** Paid orders the list's filter matches (one receipt each); null while the list is still counting. */
  paidCount: number | null;
  layout: ReceiptLayoutId;
  onLayoutChange(layout: ReceiptLayoutId): void;
  onStart(mode: ReceiptsMode): void;
  onClose(): void;
};

/** How the receipts of the listed paid orders are saved: one combined PDF, or one PDF per order in a folder. */
export function ReceiptsDialog({ paidCount, layout, onLayoutChange, onStart, onClose }: Props) {
  const { t, formats } = useLanguage();
  const [mode, setMode] = useState<ReceiptsMode>('combined');
  const none = paidCount === 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!none) onStart(mode);
  }

  const modes: ReadonlyArray<{ id: ReceiptsMode; label: string }> = [
    { id: 'combined', label: t.receiptsCombined },
    { id: 'per-order', label: t.receiptsPerOrder },
  ];

  return (
    <Dialog
      className="receipts-dialog"
      titleId="receipts-dialog-title"
      descriptionId="receipts-dialog-count"
      title={t.receiptsDialogTitle}
      description={paidCount === null ? t.loadingOrders : none ? t.noReceiptsToMake : t.receiptsToMake(paidCount, formats.count(paidCount))}
      onClose={onClose}
      onSubmit={submit}
      closeLabel={t.cancel}
      confirm={
        <button type="submit" className="confirm" autoFocus disabled={none}>
          {t.saveReceipts}
        </button>
      }
    >
      <fieldset className="mode-choice" disabled={none}>
        <legend>{t.receiptsSaveAs}</legend>
        {modes.map(({ id, label }) => (
          <label key={id} className="radio">
            <input type="radio" name="receipts-mode" value={id} checked={mode === id} onChange={() => setMode(id)} />
            {label}
          </label>
        ))}
      </fieldset>
      <LayoutChoice name="receipts-layout" value={layout} onChange={onLayoutChange} disabled={none} />
    </Dialog>
  );
}
