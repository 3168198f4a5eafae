import { useState, type FormEvent } from 'react';
import type { Order, StatementLine } from '../../../shared/contract';
import { Dialog } from '../dialog';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { TextField } from '../text-field';
import { useFormReply } from '../use-form-reply';
import { DataText } from '../data-text';

type Props = {
  line: StatementLine;
  onDone(order: Order): void;
  onClose(): void;
};

/** Asks before an unclaimed payment becomes a paid order of its own, with the customer's name if known. */
export function RecordLineDialog({ line, onDone, onClose }: Props) {
  const { t, formats } = useLanguage();
  const [customerName, setCustomerName] = useState('');
  const { busy: saving, error, fieldErrors, bind, clearFieldError, send } = useFormReply((name) => (name === 'customerName' ? name : null));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    await send(() => callPaydesk('recordStatementLine', { lineId: line.id, customerName }), onDone);
  }

  return (
    <Dialog
      titleId="record-line-title"
      descriptionId="record-line-consequence"
      title={<DataText text={t.recordTitle(line.transactionId, formats.money(line.amountMinor))} data={[line.transactionId]} />}
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
            clearFieldError('customerName');
          }}
          error={fieldErrors.customerName}
          inputRef={bind('customerName')}
          maxLength={100}
          autoComplete="off"
          autoFocus
        />
      </div>
    </Dialog>
  );
}
