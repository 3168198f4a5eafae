import { useEffect, useState, type FormEvent } from 'react';
import type { Order, StatementLine } from '../../../shared/contract';
import { Dialog } from '../dialog';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { callPaydesk } from '../paydesk-call';
import { useFormReply } from '../use-form-reply';
import { DataText } from '../data-text';

/** The orders a statement payment can still settle: unpaid ones. */
const ATTACHABLE = ['pending', 'expired', 'cancelled'] as const;
type Attachable = (typeof ATTACHABLE)[number];

const SEARCH_DELAY_MS = 150;
const CANDIDATES = 50;

type Props = {
  line: StatementLine;
  onDone(order: Order): void;
  onClose(): void;
};

/**
 * The customer paid but never came back: find their unpaid order (by status and a search) and attach the
 * statement's payment to it. Orders of another amount are listed but cannot be chosen: the core refuses them.
 */
export function AttachLineDialog({ line, onDone, onClose }: Props) {
  const { t, formats } = useLanguage();
  const [status, setStatus] = useState<Attachable>('pending');
  const [search, setSearch] = useState('');
  const [candidates, setCandidates] = useState<Order[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const { busy: saving, error, setError, send } = useFormReply();

  useEffect(() => {
    let current = true;
    setCandidates(null);
    const timer = setTimeout(async () => {
      const text = search.trim();
      const reply = await callPaydesk('listOrders', { status, limit: CANDIDATES, ...(text ? { search: text } : {}) });
      if (!current) return;
      if (!reply.ok) return setError(reply.error);
      setError(null);
      // Orders of the payment's amount first: those are the ones it can settle.
      const fits = (order: Order) => (order.amountMinor === line.amountMinor ? 0 : 1);
      setCandidates([...reply.value.orders].sort((a, b) => fits(a) - fits(b)));
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [status, search, line.amountMinor, setError]);

  const picked = candidates?.find((order) => order.ref === chosen) ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving || !picked) return;
    await send(() => callPaydesk('attachStatementLine', { lineId: line.id, ref: picked.ref }), onDone);
  }

  return (
    <Dialog
      className="attach-dialog"
      titleId="attach-line-title"
      descriptionId="attach-line-intro"
      title={<DataText text={t.attachTitle(line.transactionId, formats.money(line.amountMinor))} data={[line.transactionId]} />}
      description={t.attachIntro}
      onClose={onClose}
      onSubmit={submit}
      busy={saving}
      error={error}
      closeLabel={t.cancel}
      confirm={
        <button type="submit" className="confirm" disabled={saving || !picked}>
          {saving ? t.attaching : picked ? <DataText text={t.attachConfirm(picked.ref)} data={[picked.ref]} /> : t.attachChoose}
        </button>
      }
    >
      <div className="attach-search">
        <div className="field">
          <label htmlFor="attach-search">{t.attachSearchLabel}</label>
          <input
            id="attach-search"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            autoFocus
            placeholder={t.attachSearchPlaceholder}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="attach-status">{t.attachStatusLabel}</label>
          <select id="attach-status" value={status} onChange={(event) => setStatus(event.target.value as Attachable)}>
            {ATTACHABLE.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="attach-candidates" aria-busy={candidates === null}>
        <legend>{t.attachCandidates}</legend>
        {candidates === null ? (
          <p className="muted">{t.attachSearching}</p>
        ) : candidates.length === 0 ? (
          <p className="muted">{t.attachNoMatches}</p>
        ) : (
          <ul>
            {candidates.map((order) => {
              const otherAmount = order.amountMinor !== line.amountMinor;
              return (
                <li key={order.ref}>
                  <label className={`radio candidate${otherAmount ? ' is-other-amount' : ''}`}>
                    <input
                      type="radio"
                      name="attach-order"
                      value={order.ref}
                      checked={chosen === order.ref}
                      disabled={otherAmount}
                      onChange={() => setChosen(order.ref)}
                    />
                    <span className="mono" translate="no">
                      {order.ref}
                    </span>
                    <span className="candidate-amount">{formats.money(order.amountMinor)}</span>
                    <span
                      className="candidate-customer"
                      lang={languageOf(order.customerName)}
                      title={order.customerName ?? undefined}
                      translate="no"
                    >
                      {order.customerName ?? '—'}
                    </span>
                    <time className="muted" dateTime={order.createdAt}>
                      {formats.date(order.createdAt)}
                    </time>
                    {otherAmount && <span className="candidate-note">{t.attachOtherAmount}</span>}
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
    </Dialog>
  );
}
