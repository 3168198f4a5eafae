import { useState, type FormEvent } from 'react';
import type { Order } from '../../../shared/contract';
import { Dialog } from '../dialog';
import { useLanguage } from '../i18n/language-provider';
import { DataText } from '../data-text';
import { callPaydesk } from '../paydesk-call';
import { useFormReply } from '../use-form-reply';

type Props = {
  order: Order;
  onDone(order: Order): void;
  onClose(): void;
  /** Where the focus goes once the order changed and the button that opened the dialog is gone. */
  returnFocus(): HTMLElement | null | undefined;
};

/** The contract's own floor for a reason, so the button does not send what the core would refuse. */
const MIN_REASON = 3;

/**
 * Records a payment that did not come through the gateway (cash at the counter, a transfer). The reason is
 * required and goes into the order's audit trail; the order shows as paid manually from then on.
 */
export function MarkPaidDialog({ order, onDone, onClose, returnFocus }: Props) {
  const { t, formats } = useLanguage();
  const [reason, setReason] = useState('');
  const {
    busy: saving,
    error,
    fieldErrors,
    bind,
    clearFieldError,
    showFieldError,
    send,
  } = useFormReply((name) => (name === 'reason' ? name : null));
  const fieldError = fieldErrors.reason;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (reason.trim().length < MIN_REASON) return showFieldError('reason', t.manualReasonRequired);
    await send(() => callPaydesk('markPaidManually', { ref: order.ref, reason }), onDone);
  }

  return (
    <Dialog
      titleId="mark-paid-title"
      descriptionId="mark-paid-consequence"
      title={<DataText text={t.markPaidTitle(order.ref, formats.money(order.amountMinor))} data={[order.ref]} />}
      description={t.markPaidConsequence}
      onClose={onClose}
      returnFocus={returnFocus}
      onSubmit={submit}
      busy={saving}
      error={error}
      closeLabel={t.keepUnpaid}
      confirm={
        <button type="submit" className="confirm" disabled={saving}>
          {saving ? t.markingPaid : t.markPaidConfirm}
        </button>
      }
    >
      <div className="field dialog-field">
        <label htmlFor="manual-reason">{t.manualReasonLabel}</label>
        <textarea
          id="manual-reason"
          ref={bind('reason')}
          rows={3}
          maxLength={500}
          autoFocus
          placeholder={t.manualReasonPlaceholder}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            clearFieldError('reason');
          }}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'manual-reason-error' : undefined}
          required
        />
        {fieldError && (
          <p className="field-error" id="manual-reason-error">
            {fieldError}
          </p>
        )}
      </div>
    </Dialog>
  );
}
