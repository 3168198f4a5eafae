// A day's close as sections of labelled lines, the one order in which the screen, the paper and `paydesk report`
// show its figures. Labels are messages, so each shows them in its own language.
import { PAID_WAYS, type ClosingReport, type Message, type OrderStatus } from './contract';
import { say } from './messages/say';

/** The day's links by where they stand, the paid ones first. */
const MADE_BY = ['paid', 'pending', 'cancelled', 'expired', 'failed'] as const satisfies readonly OrderStatus[];

export type ClosingLine = {
  label: Message;
  count: number;
  sumMinor: number;
  /** A total, under the lines it adds up. */
  total?: boolean;
  /** Part of the line above it. */
  part?: boolean;
};

export type ClosingSection = { id: 'paid' | 'counters' | 'statements' | 'links'; heading: Message; lines: ClosingLine[] };

export function closingSections(report: ClosingReport): ClosingSection[] {
  const { byVerification } = report;
  // The takings of each counter (till), where there is more than one to tell apart.
  const counters: ClosingSection[] =
    report.byCounter.length < 2
      ? []
      : [
          {
            id: 'counters',
            heading: say('closing_counters_section'),
            lines: report.byCounter.map(({ counterName, paid }) => ({
              label: counterName === null ? say('closing_no_counter') : say('closing_counter_line', { name: counterName }),
              ...paid,
            })),
          },
        ];
  return [
    {
      id: 'paid',
      heading: say('closing_paid_section'),
      lines: [
        ...PAID_WAYS.map((way) => ({ label: say('closing_way', { way }), ...report.paidBy[way] })),
        { label: say('closing_paid_total'), ...report.paid, total: true },
      ],
    },
    ...counters,
    {
      id: 'statements',
      heading: say('closing_statements_section'),
      lines: [
        { label: say('closing_standing', { standing: 'verified' }), ...byVerification.verified },
        { label: say('closing_standing', { standing: 'not_yet_verified' }), ...report.notYetVerified },
        { label: say('closing_standing', { standing: 'amount_mismatch' }), ...byVerification.amount_mismatch, part: true },
        { label: say('closing_standing', { standing: 'missing' }), ...byVerification.missing, part: true },
        { label: say('closing_standing', { standing: 'reconciled_by_hand' }), ...byVerification.reconciled_by_hand },
      ],
    },
    {
      id: 'links',
      heading: say('closing_links_section'),
      lines: [
        { label: say('closing_links_made'), ...report.made },
        ...MADE_BY.map((status) => ({ label: say('closing_made_status', { status }), ...report.madeByStatus[status], part: true })),
      ],
    },
  ];
}

/** Nothing was paid and no link was made: the close says so instead of a page of zeros. */
export const closingIsEmpty = (report: ClosingReport) => report.paid.count === 0 && report.made.count === 0;
