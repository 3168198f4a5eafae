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

/** Asks before a pending link is withdrawn. Escape or "Keep the link" backs out. */
export function CancelOrderDialog({ order, onDone, onClose, returnFocus }: Props) {
  const { t, formats } = useLanguage();
  const { busy: cancelling, error, send } = useFormReply();

  const cancel = () => send(() => callPaydesk('cancelOrder', { ref: order.ref }), onDone);

  return (
    <Dialog
      titleId="cancel-order-title"
      descriptionId="cancel-order-consequence"
      title={<DataText text={t.cancelOrderTitle(order.ref, formats.money(order.amountMinor))} data={[order.ref]} />}
      description={t.cancelOrderConsequence}
      onClose={onClose}
      returnFocus={returnFocus}
      busy={cancelling}
      error={error}
      closeLabel={t.keepLink}
      focusClose
      confirm={
        <button type="button" className="danger" onClick={cancel} disabled={cancelling}>
          {cancelling ? t.cancellingLink : t.cancelLinkConfirm}
        </button>
      }
    />
  );
}
