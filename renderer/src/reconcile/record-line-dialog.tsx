import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError, Order, StatementLine } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { TextField } from '../text-field';

type Props = {
  line: StatementLine;
  onDone(order: Order): void;
  onClose(): void;
};

/** Asks before an unclaimed payment becomes a paid order of its own, with the customer's name if known. */
export function RecordLineDialog({ line, onDone, onClose }: Props) {
  const { t, formats } = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const [customerName, setCustomerName] = useState('');
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
    setSaving(true);
    setError(null);
    const reply = await callPaydesk('recordStatementLine', { lineId: line.id, customerName });
    setSaving(false);
    if (reply.ok) return onDone(reply.value);
    if (reply.error.kind === 'invalid_input' && reply.error.field === 'customerName') {
      setFieldError(reply.error.message);
      nameField.current?.focus();
    } else setError(reply.error);
  }

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="record-line-title"
      aria-describedby="record-line-consequence"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} noValidate aria-busy={saving}>
        <h2 id="record-line-title">{t.recordTitle(line.transactionId, formats.money(line.amountMinor))}</h2>
        <p id="record-line-consequence">{t.recordConsequence}</p>
        <div className="dialog-field">
          <TextField
            id="record-customer"
            label={t.recordCustomerLabel}
            optional
            value={customerName}
            onChange={(value) => {
              setCustomerName(value);
              setFieldError(null);
            }}
            error={fieldError}
            inputRef={nameField}
            maxLength={100}
            autoComplete="off"
            autoFocus
          />
        </div>
        {error && <ErrorAlert error={error} />}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose} disabled={saving}>
            {t.cancel}
          </button>
          <button type="submit" className="confirm" disabled={saving}>
            {saving ? t.recording : t.recordConfirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
