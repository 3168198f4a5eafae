import type { Ref } from 'react';
import { english, type Messages } from '../i18n/english';
import { useLanguage } from '../i18n/language-provider';

/** Text that no further typing can turn into an amount (letters, a sign, a third decimal): flagged at once. */
const COULD_STILL_BE_AN_AMOUNT = /^[\d\u09e6-\u09ef,]*(?:\.[\d\u09e6-\u09ef]{0,2})?$/;

export function isBeyondRepair(text: string): boolean {
  return !COULD_STILL_BE_AN_AMOUNT.test(text.trim());
}

type AmountError = keyof Messages['amountErrors'];

/**
 * parseAmount's sentence (shared with the core, so in English) in the shopkeeper's language. A sentence this
 * screen does not know is shown as it is.
 */
export function translateAmountError(message: string, t: Messages): string {
  const key = (Object.keys(english.amountErrors) as AmountError[]).find((k) => english.amountErrors[k] === message);
  return key ? t.amountErrors[key] : message;
}

type Props = {
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  error: string | null;
  inputRef: Ref<HTMLInputElement>;
};

/** The amount in taka, typed as text (Bengali digits welcome) and checked with the same rule the core uses. */
export function AmountField({ value, onChange, onBlur, error, inputRef }: Props) {
  const { t } = useLanguage();
  return (
    <div className="field">
      <label htmlFor="amount">{t.amountLabel}</label>
      <div className={`amount-input${error ? ' has-error' : ''}`}>
        <span className="currency" aria-hidden="true">
          ৳
        </span>
        <input
          id="amount"
          ref={inputRef}
          inputMode="decimal"
          autoFocus
          autoComplete="off"
          placeholder="0.00"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          aria-describedby={error ? 'amount-error' : 'amount-hint'}
          aria-invalid={error ? true : undefined}
          required
        />
      </div>
      {error ? (
        <p className="field-error" id="amount-error">
          {translateAmountError(error, t)}
        </p>
      ) : (
        <p className="field-hint" id="amount-hint">
          {t.amountHint}
        </p>
      )}
    </div>
  );
}
