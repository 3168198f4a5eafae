import { useState, type FormEvent } from 'react';
import type { Order } from '../../../shared/contract';
import { parseAmount } from '../../../shared/money';
import { isBaseUrlRefusal } from '../base-url-hint';
import { ErrorAlert } from '../error-alert';
import { callPaydesk } from '../paydesk-call';
import { useLanguage } from '../i18n/language-provider';
import { AmountField } from './amount-field';
import { isBeyondRepair } from './amount-typing';
import { TextField } from '../text-field';
import { fieldIn, useFormReply } from '../use-form-reply';

type Fields = { amount: string; customerName: string; customerEmail: string; note: string };
type FieldName = keyof Fields;

const EMPTY: Fields = { amount: '', customerName: '', customerEmail: '', note: '' };
const fieldOf = fieldIn(EMPTY);

type Props = {
  /** A new link is on its way: the previous one should no longer be on show. */
  onSending(): void;
  onCreated(order: Order): void;
  /** Takes the shopkeeper to the profile settings, where a wrong Base URL is fixed. */
  onOpenSettings(): void;
};

/** Amount and optional customer details in; a payment link (or the reason there is none) out. */
export function PaymentLinkForm({ onSending, onCreated, onOpenSettings }: Props) {
  const { t } = useLanguage();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [amountChecked, setAmountChecked] = useState(false);
  const { busy: sending, error, fieldErrors, inputs, bind, clearFieldError, clearFieldErrors, send } = useFormReply(fieldOf);

  const amount = parseAmount(fields.amount);
  const showAmountCheck = amountChecked || isBeyondRepair(fields.amount);
  const refusal = !amount.ok && showAmountCheck ? amount.code : null;

  const edit = (name: FieldName) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    clearFieldError(name);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    setAmountChecked(true);
    if (!amount.ok) {
      inputs.current.amount?.focus();
      return;
    }
    onSending();
    clearFieldErrors();
    await send(
      () => callPaydesk('createPaymentLink', fields),
      (order) => {
        setFields(EMPTY);
        setAmountChecked(false);
        onCreated(order);
      },
    );
  }

  return (
    <section className="card" aria-labelledby="new-link-title">
      <h2 id="new-link-title">{t.newLinkTitle}</h2>
      <form onSubmit={submit} noValidate aria-busy={sending}>
        <AmountField
          value={fields.amount}
          onChange={edit('amount')}
          onBlur={() => fields.amount.trim() !== '' && setAmountChecked(true)}
          refusal={refusal}
          serverError={fieldErrors.amount ?? null}
          inputRef={bind('amount')}
        />
        <TextField
          id="customer-name"
          label={t.customerName}
          optional
          autoComplete="off"
          maxLength={100}
          value={fields.customerName}
          onChange={edit('customerName')}
          error={fieldErrors.customerName}
          inputRef={bind('customerName')}
        />
        <TextField
          id="customer-email"
          label={t.customerEmail}
          optional
          type="email"
          autoComplete="off"
          maxLength={254}
          value={fields.customerEmail}
          onChange={edit('customerEmail')}
          error={fieldErrors.customerEmail}
          inputRef={bind('customerEmail')}
        />
        <TextField
          id="note"
          label={t.note}
          optional
          autoComplete="off"
          maxLength={500}
          value={fields.note}
          onChange={edit('note')}
          error={fieldErrors.note}
          inputRef={bind('note')}
        />
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t.creatingLink : t.createLink}
        </button>
        {error && (
          <ErrorAlert error={error}>
            {isBaseUrlRefusal(error) && (
              <button type="button" className="secondary" onClick={onOpenSettings}>
                {t.openSettings}
              </button>
            )}
          </ErrorAlert>
        )}
      </form>
    </section>
  );
}
