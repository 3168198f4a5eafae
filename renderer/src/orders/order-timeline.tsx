import type { OrderStatus, TimelineEvent } from '../../../shared/contract';
import { useLanguage, type LanguageState } from '../i18n/language-provider';
import { languageOf } from '../language-of';

/** Events that record someone trying (or failing) to change the order in a way PayDesk refused. */
const WARNINGS = new Set([
  'return_conflict',
  'duplicate_transaction',
  'rejected_return',
  'link_failed',
  'amount_mismatch',
  'missing_from_statement',
  'gateway_return_after_manual_payment',
]);

const text = (value: TimelineEvent['detail'][string] | undefined) => (value === null || value === undefined ? '' : String(value));

/** A statement's line number, written in the shopkeeper's digits. */
const line = (value: TimelineEvent['detail'][string] | undefined, formats: LanguageState['formats']) =>
  typeof value === 'number' ? formats.count(value) : text(value);

function sentence(event: TimelineEvent, { t, formats, say }: LanguageState): string {
  const { detail } = event;
  const said = t.timeline;
  switch (event.kind) {
    case 'created':
      if (typeof detail.amountMinor !== 'number') return said.createdPlain;
      return detail.from === 'statement'
        ? said.createdFromStatement(formats.money(detail.amountMinor))
        : said.created(formats.money(detail.amountMinor));
    case 'link_issued':
      return said.linkIssued;
    case 'link_failed':
      // Why, as the core said it then: read in today's language (an older PayDesk's English sentence as written).
      return said.linkFailed(event.message ? say(event.message) : '');
    case 'paid':
      return detail.late && (detail.from === 'expired' || detail.from === 'cancelled')
        ? said.paidLate(text(detail.transactionId), t.status[detail.from as OrderStatus])
        : said.paid(text(detail.transactionId));
    case 'paid_manually':
      return said.paidManually;
    case 'claimed_at_counter':
      return said.claimedAtCounter(text(detail.transactionId));
    case 'gateway_return_after_manual_payment':
      return said.returnAfterManualPayment(text(detail.transactionId));
    case 'cancelled':
      return detail.by === 'customer' ? said.cancelledByCustomer : said.cancelledByShopkeeper;
    case 'expired':
      return said.expired;
    case 'return_conflict':
      return said.returnConflict(text(detail.offered), text(detail.recorded));
    case 'duplicate_transaction':
      return said.duplicateTransaction(text(detail.offered), text(detail.heldBy));
    case 'verified':
      return said.verified(text(detail.statement), line(detail.line, formats));
    case 'amount_mismatch':
      return said.amountMismatch(
        text(detail.statement),
        line(detail.line, formats),
        typeof detail.statementAmountMinor === 'number' ? formats.money(detail.statementAmountMinor) : text(detail.statementAmountMinor),
      );
    case 'missing_from_statement':
      return said.missingFromStatement(text(detail.statement));
    case 'attached_statement_line':
      return said.attachedStatementLine(text(detail.transactionId), text(detail.statement), line(detail.line, formats));
    case 'recorded_from_statement':
      return said.recordedFromStatement(text(detail.transactionId), text(detail.statement), line(detail.line, formats));
    case 'rejected_return': {
      const reason = text(detail.reason);
      return said.rejectedReturn(reason in said.rejectReasons ? said.rejectReasons[reason as keyof typeof said.rejectReasons] : reason);
    }
    default:
      return `${event.kind} ${JSON.stringify(detail)}`;
  }
}

/** The order's audit trail, oldest first: every change, and every attempt PayDesk turned away. */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const language = useLanguage();
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li key={index} className={`timeline-item${WARNINGS.has(event.kind) ? ' is-warning' : ''}`} data-kind={event.kind}>
          <time dateTime={event.at}>{language.formats.dateTime(event.at)}</time>
          <p>{sentence(event, language)}</p>
          {event.kind === 'paid_manually' && typeof event.detail.reason === 'string' && (
            <blockquote className="timeline-reason" lang={languageOf(event.detail.reason)}>
              {event.detail.reason}
            </blockquote>
          )}
        </li>
      ))}
    </ol>
  );
}
