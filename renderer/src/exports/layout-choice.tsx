import { ReceiptLayout, type ChannelRequest } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';

/** A4 for the file cabinet, the 80 mm roll for a thermal printer at the counter. */
export type ReceiptLayoutId = ChannelRequest<'saveReceiptPdf'>['layout'];

type Props = {
  /** The radio group's name: unique on the page. */
  name: string;
  value: ReceiptLayoutId;
  onChange(layout: ReceiptLayoutId): void;
  disabled?: boolean;
};

/** The paper a receipt is laid out for, as a two-way switch. */
export function LayoutChoice({ name, value, onChange, disabled }: Props) {
  const { t } = useLanguage();
  return (
    <fieldset className="layout-choice" disabled={disabled}>
      <legend>{t.receiptPaper}</legend>
      <div className="segmented">
        {ReceiptLayout.options.map((layout) => (
          <label key={layout} className={value === layout ? 'is-chosen' : undefined}>
            <input type="radio" name={name} value={layout} checked={value === layout} onChange={() => onChange(layout)} />
            {t.receiptLayouts[layout]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
