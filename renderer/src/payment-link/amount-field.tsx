import type { Ref } from 'react';
import type { AmountRefusal } from '../../../shared/money';
import { useLanguage } from '../i18n/language-provider';

type Props = {
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  /** Why what is typed is not an amount, by the same rule the core uses (shared/money.ts). */
  refusal: AmountRefusal | null;
  /** The core's refusal of the field, already in the shopkeeper's language. */
  serverError: string | null;
  inputRef: Ref<HTMLInputElement>;
};

/** The amount in taka, typed as a shopkeeper writes it ("১,৫০০", "Tk 500", "1500/-") and checked with the core's rule. */
export function AmountField({ value, onChange, onBlur, refusal, serverError, inputRef }: Props) {
  const { t, say } = useLanguage();
  const error = refusal ? say({ code: refusal, params: {} }) : serverError;
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
          placeholder={t.amountPlaceholder}
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
          {error}
        </p>
      ) : (
        <p className="field-hint" id="amount-hint">
          {t.amountHint}
        </p>
      )}
    </div>
  );
}
