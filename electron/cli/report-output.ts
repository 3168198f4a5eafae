// `paydesk report`: a day's close as a table in the chosen language, or as JSON that is the same in every language.
import type { ClosingReport } from '../../shared/contract';
import { closingIsEmpty, closingSections } from '../../shared/closing-lines';
import { toDecimalString } from '../../shared/money';
import { say } from '../../shared/messages/say';
import { table } from './output';
import type { Words } from './words';

type Takings = { count: number; sumMinor: number };

const takingsJson = ({ count, sumMinor }: Takings) => ({ count, amount: toDecimalString(sumMinor) });
const each = <K extends string>(tallies: Record<K, Takings>) =>
  Object.fromEntries(Object.entries<Takings>(tallies).map(([key, tally]) => [key, takingsJson(tally)])) as Record<
    K,
    ReturnType<typeof takingsJson>
  >;

export const closingJson = (report: ClosingReport) => ({
  day: report.day,
  profile: report.profileName,
  sandbox: report.sandbox,
  at: report.at,
  currency: 'BDT',
  paid: takingsJson(report.paid),
  paid_by: each(report.paidBy),
  verification: each(report.byVerification),
  not_yet_verified: takingsJson(report.notYetVerified),
  links_made: takingsJson(report.made),
  links_made_by_status: each(report.madeByStatus),
  counter: report.counterName,
  paid_by_counter: report.byCounter.map(({ counterName, paid }) => ({ counter: counterName, ...takingsJson(paid) })),
});

export function closingText(report: ClosingReport, words: Words): string {
  const head = [
    words(say('closing_title', { day: report.day })),
    report.sandbox ? words(say('receipt_sandbox')) : `${words(say('closing_profile'))}: ${report.profileName}`,
    ...(report.counterName ? [`${words(say('closing_counter'))}: ${report.counterName}`] : []),
    words(say('closing_as_of', { at: report.at })),
  ];
  if (closingIsEmpty(report)) return [...head, '', words(say('closing_nothing'))].join('\n');
  const rows = closingSections(report).flatMap((section) => [
    [words(section.heading), words(say('closing_column_orders')), words(say('closing_column_amount'))],
    ...section.lines.map((line) => [
      `${line.part ? '    ' : '  '}${words(line.label)}`,
      words.f.count(line.count),
      words.f.money(line.sumMinor),
    ]),
  ]);
  return [...head, '', table(rows), '', words(say('closing_how_counted'))].join('\n');
}
