import { amountInWords } from '../../../shared/messages/amount-words';
import { Dialog } from '../dialog';
import { useLanguage } from '../i18n/language-provider';

type Props = {
  amountMinor: number;
  /** The shop's threshold (Settings › The counter) this amount is above. */
  aboveMinor: number;
  onConfirm(): void;
  onClose(): void;
};

/**
 * Asked before a link above the shop's threshold: the amount in digits and in words, read back before a customer is
 * asked for it (a stray key makes ৳5,000 into ৳50,000). The focus starts on the way back to the amount.
 */
export function ConfirmAmountDialog({ amountMinor, aboveMinor, onConfirm, onClose }: Props) {
  const { t, formats, language } = useLanguage();
  const words = amountInWords(amountMinor, language);
  return (
    <Dialog
      titleId="confirm-amount-title"
      descriptionId="confirm-amount-why"
      className="confirm-amount"
      title={t.confirmAmountTitle(formats.money(amountMinor))}
      description={t.confirmAmountWhy(formats.money(aboveMinor))}
      onClose={onClose}
      closeLabel={t.confirmAmountBack}
      focusClose
      confirm={
        <button type="button" className="confirm" onClick={onConfirm}>
          {t.confirmAmountYes}
        </button>
      }
    >
      <p className="amount-digits">{formats.money(amountMinor)}</p>
      <p className="amount-words">{t.confirmAmountWords(words.charAt(0).toUpperCase() + words.slice(1))}</p>
    </Dialog>
  );
}
