import { useState, type FormEvent } from 'react';
import type { Order } from '../../../shared/contract';
import { Dialog } from '../dialog';
import { useLanguage } from '../i18n/language-provider';
import { DataText } from '../data-text';
import { callPaydesk } from '../paydesk-call';
import { useFormReply } from '../use-form-reply';

/** A transaction id as a wallet's screen shows one: the example in the placeholder and the hint. */
const EXAMPLE_ID = '8N7A6D5C';

type Props = {
  order: Order;
  onDone(order: Order): void;
  onClose(): void;
  /** Where the focus goes once the order changed and the button that opened the dialog is gone. */
  returnFocus(): HTMLElement | null | undefined;
};

/**
 * The customer paid but their browser never came back (a phone on mobile data, a closed tab), and they show
 * the gateway's transaction id at the counter. The order turns Paid as claimed at the counter: not yet
 * verified until a statement shows that payment. One id pays one order: the core refuses an id another holds.
 */
export function CounterClaimDialog({ order, onDone, onClose, returnFocus }: Props) {
  const { t, formats } = useLanguage();
  const [transactionId, setTransactionId] = useState('');
  const { busy, error, fieldErrors, bind, clearFieldError, showFieldError, send } = useFormReply((name) =>
    name === 'transactionId' ? name : null,
  );
  const fieldError = fieldErrors.transactionId;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (transactionId.trim() === '') return showFieldError('transactionId', t.counterIdRequired);
    await send(() => callPaydesk('claimAtCounter', { ref: order.ref, transactionId }), onDone);
  }

  return (
    <Dialog
      titleId="counter-claim-title"
      descriptionId="counter-claim-consequence"
      title={<DataText text={t.counterClaimTitle(order.ref, formats.money(order.amountMinor))} data={[order.ref]} />}
      description={t.counterClaimConsequence}
      onClose={onClose}
      returnFocus={returnFocus}
      onSubmit={submit}
      busy={busy}
      error={error}
      closeLabel={t.keepUnpaid}
      confirm={
        <button type="submit" className="confirm" disabled={busy}>
          {busy ? t.claimingAtCounter : t.counterClaimConfirm}
        </button>
      }
    >
      <div className="field dialog-field">
        <label htmlFor="counter-transaction-id">{t.counterIdLabel}</label>
        <input
          id="counter-transaction-id"
          ref={bind('transactionId')}
          className="mono"
          maxLength={200}
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder={EXAMPLE_ID}
          translate="no"
          value={transactionId}
          onChange={(event) => {
            setTransactionId(event.target.value);
            clearFieldError('transactionId');
          }}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'counter-transaction-id-error' : 'counter-transaction-id-hint'}
          required
        />
        {fieldError ? (
          <p className="field-error" id="counter-transaction-id-error">
            {fieldError}
          </p>
        ) : (
          <p className="field-hint" id="counter-transaction-id-hint">
            <DataText text={t.counterIdHint} data={[EXAMPLE_ID]} />
          </p>
        )}
      </div>
    </Dialog>
  );
}
