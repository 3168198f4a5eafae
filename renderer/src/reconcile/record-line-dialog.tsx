import { useRef, useState, type FormEvent } from 'react';
import type { AppError, Order, StatementLine } from '../../../shared/contract';
import { Dialog } from '../dialog';
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
  const nameField = useRef<HTMLInputElement>(null);
  const [customerName, setCustomerName] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);

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
    <Dialog
      titleId="record-line-title"
      descriptionId="record-line-consequence"
      title={t.recordTitle(line.transactionId, formats.money(line.amountMinor))}
      description={t.recordConsequence}
      onClose={onClose}
      onSubmit={submit}
      busy={saving}
      error={error}
      closeLabel={t.cancel}
      confirm={
        <button type="submit" className="confirm" disabled={saving}>
          {saving ? t.recording : t.recordConfirm}
        </button>
      }
    >
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
    </Dialog>
  );
}
