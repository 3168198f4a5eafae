import { useState } from 'react';
import type { Order, StatementLine } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { AttachLineDialog } from './attach-line-dialog';
import { DataText } from '../data-text';
import { RecordLineDialog } from './record-line-dialog';
import type { UnclaimedState } from './use-unclaimed';

type Props = {
  unclaimed: UnclaimedState;
  onOpenOrder(ref: string): void;
  announce(message: string): void;
};

type Settling = { line: StatementLine; how: 'attach' | 'record' };

/**
 * Money the statements show that no order claims, each with its two ways out: attach it to the unpaid order it
 * was for, or record it as a paid order of its own. Both ask first; the list is asked again afterwards.
 */
export function UnclaimedPayments({ unclaimed, onOpenOrder, announce }: Props) {
  const { t, formats } = useLanguage();
  const [settling, setSettling] = useState<Settling | null>(null);
  const [settled, setSettled] = useState<{ transactionId: string; ref: string } | null>(null);
  const { lines, error } = unclaimed;

  async function done(order: Order, line: StatementLine, how: Settling['how']) {
    setSettling(null);
    setSettled({ transactionId: line.transactionId, ref: order.ref });
    announce((how === 'attach' ? t.attachedAnnouncement : t.recordedAnnouncement)(line.transactionId, order.ref));
    await unclaimed.reload();
  }

  return (
    <section className="card unclaimed" aria-labelledby="unclaimed-title" aria-busy={lines === null && !error}>
      <div className="panel-head">
        <h2 id="unclaimed-title">{t.unclaimedTitle}</h2>
        {lines && lines.length > 0 && <span className="muted">{t.unclaimedCount(lines.length, formats.count(lines.length))}</span>}
      </div>
      <p className="card-intro muted">{t.unclaimedIntro}</p>
      {error && <ErrorAlert error={error} />}
      {settled && (
        <p className="settled-note" role="status">
          <DataText text={t.settledNote(settled.transactionId, settled.ref)} data={[settled.transactionId, settled.ref]} />{' '}
          <button type="button" className="link-button" onClick={() => onOpenOrder(settled.ref)}>
            {t.openSettledOrder}
          </button>
        </p>
      )}
      {lines === null ? (
        !error && <p className="muted">{t.loadingUnclaimed}</p>
      ) : lines.length === 0 ? (
        <p className="muted">{t.unclaimedNone}</p>
      ) : (
        <table className="unclaimed-table">
          <thead>
            <tr>
              <th scope="col">{t.columnTime}</th>
              <th scope="col">{t.columnTransaction}</th>
              <th scope="col" className="num">
                {t.columnAmount}
              </th>
              <th scope="col">{t.columnSender}</th>
              <th scope="col">
                <span className="visually-hidden">{t.columnActions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} data-transaction={line.transactionId}>
                <td>
                  <time dateTime={line.time}>
                    <span className="cell-line">{formats.date(line.time)}</span>
                    <span className="cell-line secondary">{formats.time(line.time)}</span>
                  </time>
                </td>
                <td className="mono" translate="no">
                  {line.transactionId}
                </td>
                <td className="num amount">{formats.money(line.amountMinor)}</td>
                <td>
                  {line.sender || line.reference ? (
                    <>
                      {line.sender && (
                        <span className="cell-line" lang={languageOf(line.sender)} translate="no">
                          {line.sender}
                        </span>
                      )}
                      {line.reference && (
                        <span className="cell-line secondary" lang={languageOf(line.reference)} translate="no">
                          {line.reference}
                        </span>
                      )}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <div className="unclaimed-actions">
                    <button
                      type="button"
                      className="secondary small"
                      aria-haspopup="dialog"
                      aria-label={`${t.attachToOrder} ${line.transactionId}`}
                      onClick={() => setSettling({ line, how: 'attach' })}
                    >
                      {t.attachToOrder}
                    </button>
                    <button
                      type="button"
                      className="secondary small"
                      aria-haspopup="dialog"
                      aria-label={`${t.recordAsOrder} ${line.transactionId}`}
                      onClick={() => setSettling({ line, how: 'record' })}
                    >
                      {t.recordAsOrder}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {settling?.how === 'attach' && (
        <AttachLineDialog line={settling.line} onClose={() => setSettling(null)} onDone={(order) => done(order, settling.line, 'attach')} />
      )}
      {settling?.how === 'record' && (
        <RecordLineDialog line={settling.line} onClose={() => setSettling(null)} onDone={(order) => done(order, settling.line, 'record')} />
      )}
    </section>
  );
}
