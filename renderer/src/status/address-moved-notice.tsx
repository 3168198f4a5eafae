import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { onPaydeskEvent } from '../paydesk-call';
import { DataText } from '../data-text';

type Props = {
  /** The status changed with the move (the return address): ask for it again. */
  onMoved(): void;
};

/**
 * The shop's Wi-Fi gave this computer another address and the listener followed it: say so, and name the
 * links still waiting that send their customers to the old address, so the shopkeeper settles them at the
 * counter or by the statement. It stays until dismissed: this is the moment a queue of customers is lost.
 */
export function AddressMovedNotice({ onMoved }: Props) {
  const { t } = useLanguage();
  const [moved, setMoved] = useState<EventPayload<'listenAddressMoved'> | null>(null);
  useEffect(
    () =>
      onPaydeskEvent('listenAddressMoved', (move) => {
        setMoved(move);
        onMoved();
      }),
    [onMoved],
  );
  if (!moved) return null;
  return (
    <div className="old-listeners is-exposed" role="alert">
      <div className="old-listeners-text">
        <p>
          <DataText text={t.addressMoved(moved.from, moved.to)} data={[moved.from, moved.to]} />
        </p>
        {moved.pending.length > 0 && (
          <p>
            <DataText
              text={t.addressMovedPending(moved.pending.length, moved.pending.slice(0, 10).join(', '))}
              data={moved.pending.slice(0, 10)}
            />
          </p>
        )}
      </div>
      <button type="button" className="secondary" onClick={() => setMoved(null)}>
        {t.dismissOutcome}
      </button>
    </div>
  );
}
