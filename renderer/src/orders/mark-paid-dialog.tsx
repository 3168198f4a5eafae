import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError, Order } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';

type Props = {
  order: Order;
  onDone(order: Order): void;
  onClose(): void;
};

/** The contract's own floor for a reason, so the button does not send what the core would refuse. */
const MIN_REASON = 3;

/**
 * Records a payment that did not come through the gateway (cash at the counter, a transfer). The reason is
 * required and goes into the order's audit trail; the order shows as paid manually from then on.
 */
export function MarkPaidDialog({ order, onDone, onClose }: Props) {
  const { t, formats } = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (reason.trim().length < MIN_REASON) {
      setFieldError(t.manualReasonRequired);
      reasonField.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    const reply = await callPaydesk('markPaidManually', { ref: order.ref, reason });
    setSaving(false);
    if (reply.ok) return onDone(reply.value);
    if (reply.error.kind === 'invalid_input' && reply.error.field === 'reason') {
      setFieldError(reply.error.message);
      reasonField.current?.focus();
    } else setError(reply.error);
  }

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="mark-paid-title"
      aria-describedby="mark-paid-consequence"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} noValidate aria-busy={saving}>
        <h2 id="mark-paid-title">{t.markPaidTitle(order.ref, formats.money(order.amountMinor))}</h2>
        <p id="mark-paid-consequence">{t.markPaidConsequence}</p>
        <div className="field dialog-field">
          <label htmlFor="manual-reason">{t.manualReasonLabel}</label>
          <textarea
            id="manual-reason"
            ref={reasonField}
            rows={3}
            maxLength={500}
            autoFocus
            placeholder={t.manualReasonPlaceholder}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setFieldError(null);
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
        {error && <ErrorAlert error={error} />}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose} disabled={saving}>
            {t.keepUnpaid}
          </button>
          <button type="submit" className="confirm" disabled={saving}>
            {saving ? t.markingPaid : t.markPaidConfirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
