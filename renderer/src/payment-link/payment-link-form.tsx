import { useImperativeHandle, useLayoutEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import type { AppError, ItemPreset, Order } from '../../../shared/contract';
import { parseAmount } from '../../../shared/money';
import { isBaseUrlRefusal } from '../base-url-hint';
import { ErrorAlert } from '../error-alert';
import { callPaydesk } from '../paydesk-call';
import { useLanguage } from '../i18n/language-provider';
import { AmountField } from './amount-field';
import { AmountKeypad } from './amount-keypad';
import { isBeyondRepair, pressKey, typedAmount, type KeypadKey } from './amount-typing';
import { ConfirmAmountDialog } from './confirm-amount-dialog';
import { QuickAmounts } from './quick-amounts';
import { TextField } from '../text-field';
import { fieldIn, useFormReply } from '../use-form-reply';

type Fields = { amount: string; customerName: string; customerEmail: string; note: string };
type FieldName = keyof Fields;

const EMPTY: Fields = { amount: '', customerName: '', customerEmail: '', note: '' };
const fieldOf = fieldIn(EMPTY);

/** What the rest of the window asks of the form: the focus for the next sale, or a link for an amount at once. */
export type SaleForm = {
  /** The amount field takes the focus (its text selected, so typing replaces it). */
  focusAmount(): void;
  /** A new sale that starts with `text` in the amount field (a digit typed on Home). */
  startWith(text: string): void;
  /** A link for this amount, as if typed and sent ("Make another for the same amount"). */
  sell(amountMinor: number): void;
};

type Props = {
  ref?: Ref<SaleForm>;
  /** A new link is on its way: the previous one should no longer be on show. */
  onSending(): void;
  onCreated(order: Order): void;
  /** Takes the shopkeeper to the profile settings, where a wrong Base URL is fixed. */
  onOpenSettings(): void;
};

/** Amount and optional customer details in; a payment link (or the reason there is none) out. */
export function PaymentLinkForm({ ref, onSending, onCreated, onOpenSettings }: Props) {
  const { t, language, preferences } = useLanguage();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [amountChecked, setAmountChecked] = useState(false);
  /** A sale above the shop's threshold, waiting for the shopkeeper to read its amount back. */
  const [confirming, setConfirming] = useState<{ fields: Fields; minor: number } | null>(null);
  const { busy: sending, error, fieldErrors, inputs, bind, clearFieldError, clearFieldErrors, send } = useFormReply(fieldOf);
  /** Where the caret goes once a keypad key's change is drawn. */
  const caret = useRef<number | null>(null);

  const amount = parseAmount(fields.amount);
  const showAmountCheck = amountChecked || isBeyondRepair(fields.amount);
  const refusal = !amount.ok && showAmountCheck ? amount.code : null;

  const amountInput = () => inputs.current.amount as HTMLInputElement | null | undefined;

  useLayoutEffect(() => {
    if (caret.current === null) return;
    amountInput()?.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const setAmount = (value: string, at: number = value.length) => {
    setFields((current) => ({ ...current, amount: value }));
    setAmountChecked(false);
    clearFieldError('amount');
    caret.current = at;
    amountInput()?.focus();
  };

  const edit = (name: FieldName) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    clearFieldError(name);
  };

  function press(key: KeypadKey) {
    const input = amountInput();
    const focused = input !== null && input !== undefined && document.activeElement === input;
    const length = fields.amount.length;
    const selection = focused ? ([input.selectionStart ?? length, input.selectionEnd ?? length] as const) : ([length, length] as const);
    const next = pressKey(fields.amount, key, selection, language);
    setAmount(next.value, next.caret);
  }

  const choosePreset = (preset: ItemPreset) => {
    setFields((current) => ({ ...current, note: preset.name }));
    clearFieldError('note');
    setAmount(typedAmount(preset.priceMinor, language));
  };

  /** Sends the sale, or first asks about an amount above the shop's threshold. */
  function offer(sale: Fields, minor: number) {
    if (minor > preferences.confirmAboveMinor) setConfirming({ fields: sale, minor });
    else void create(sale);
  }

  async function create(sale: Fields) {
    onSending();
    clearFieldErrors();
    const outcome: { failure: AppError | null } = { failure: null };
    await send(
      async () => {
        const reply = await callPaydesk('createPaymentLink', sale);
        if (!reply.ok) outcome.failure = reply.error;
        return reply;
      },
      (order) => {
        setFields(EMPTY);
        setAmountChecked(false);
        onCreated(order);
      },
    );
    // A failed attempt leaves no amount behind to be typed into again ("10" retried as "1010"); the alert says what
    // went wrong. A refusal of one of the form's own fields keeps everything for that field to be put right.
    const { failure } = outcome;
    if (failure && !(failure.kind === 'invalid_input' && fieldOf(failure.field))) {
      setFields({ ...sale, amount: '' });
      setAmountChecked(false);
      amountInput()?.focus();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    setAmountChecked(true);
    if (!amount.ok) {
      inputs.current.amount?.focus();
      return;
    }
    offer(fields, amount.minor);
  }

  useImperativeHandle(ref, () => ({
    focusAmount() {
      amountInput()?.focus();
      amountInput()?.select();
    },
    startWith: (text) => setAmount(text),
    sell(amountMinor) {
      if (sending) return;
      const sale = { ...EMPTY, amount: typedAmount(amountMinor, language) };
      setFields(sale);
      offer(sale, amountMinor);
    },
  }));

  const closeConfirmation = () => {
    setConfirming(null);
    amountInput()?.focus();
    amountInput()?.select();
  };

  return (
    <section className="card sale-form" aria-labelledby="new-link-title">
      <div className="panel-head">
        <h2 id="new-link-title">{t.newLinkTitle}</h2>
        <p className="shortcut-hint">
          {t.newSaleKeys}{' '}
          <kbd className="shortcut" translate="no">
            F2
          </kbd>{' '}
          {t.or}{' '}
          <kbd className="shortcut" translate="no">
            Ctrl+N
          </kbd>
        </p>
      </div>
      <form onSubmit={submit} noValidate aria-busy={sending}>
        <AmountField
          value={fields.amount}
          onChange={edit('amount')}
          onBlur={() => fields.amount.trim() !== '' && setAmountChecked(true)}
          refusal={refusal}
          serverError={fieldErrors.amount ?? null}
          inputRef={bind('amount')}
        />
        <QuickAmounts
          amounts={preferences.quickAmountsMinor}
          presets={preferences.itemPresets}
          onAmount={(minor) => setAmount(typedAmount(minor, language))}
          onPreset={choosePreset}
          disabled={sending}
        />
        <AmountKeypad onKey={press} disabled={sending} />
        {/* The link is one press from the amount; who the customer is can follow, when it is worth saying. */}
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
        <div className="sale-details">
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
        </div>
      </form>
      {confirming && (
        <ConfirmAmountDialog
          amountMinor={confirming.minor}
          aboveMinor={preferences.confirmAboveMinor}
          onConfirm={() => {
            setConfirming(null);
            void create(confirming.fields);
          }}
          onClose={closeConfirmation}
        />
      )}
    </section>
  );
}
