import type { ReconciliationReport, Verification } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { DataText, MessageText } from '../data-text';

type Count = keyof ReturnType<typeof useLanguage>['t']['reportCounts'];

/** The counts in the order the shopkeeper acts on them, and the paid orders each one lists. */
const COUNTS: ReadonlyArray<{ count: Count; verification?: Verification }> = [
  { count: 'verified', verification: 'verified' },
  { count: 'amountMismatch', verification: 'amount_mismatch' },
  { count: 'missing', verification: 'missing' },
  { count: 'unclaimed' },
  { count: 'alreadyKnown' },
];

type Props = {
  report: ReconciliationReport;
  fileName: string;
  onShowOrders(verification: Verification): void;
};

/** What one import did: its counts, the days the statement covers, and the lines it could not take, with why. */
export function ReconciliationReportView({ report, fileName, onShowOrders }: Props) {
  const { t, formats } = useLanguage();
  const rejected = report.rejectedCount;
  const unlisted = rejected - report.rejected.length;

  return (
    <section className="reconciliation-report" aria-labelledby="report-title">
      <h3 id="report-title">{t.reportTitle}</h3>
      <p className="statement-file">
        <DataText text={t.statementFile(fileName)} data={[fileName]} />
      </p>
      <p className="report-covers">
        {report.coversFrom && report.coversTo
          ? t.reportCovers(formats.dayLong(report.coversFrom), formats.dayLong(report.coversTo))
          : t.reportNoDates}
        <span className="muted"> · {t.reportLines(formats.count(report.lines), formats.count(report.imported))}</span>
      </p>

      <ul className="report-counts">
        {COUNTS.map(({ count, verification }) => {
          const n = report[count];
          return (
            <li key={count} className={`report-count is-${count}${n === 0 ? ' is-zero' : ''}`} data-count={count}>
              <span className="report-number">{formats.count(n)}</span>
              <span className="report-label">{t.reportCounts[count]}</span>
              <span className="report-hint">{t.reportCountHints[count]}</span>
              {verification && n > 0 && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${t.showOrdersOf}: ${t.reportCounts[count]}`}
                  onClick={() => onShowOrders(verification)}
                >
                  {t.showOrdersOf}
                </button>
              )}
            </li>
          );
        })}
      </ul>

      <h4 id="rejected-title" className={rejected ? 'rejected-title has-rejects' : 'rejected-title'}>
        {rejected ? t.rejectedTitle(rejected, formats.count(rejected)) : t.rejectedNone}
      </h4>
      {rejected > 0 && (
        <div className="rejected-lines" role="region" aria-labelledby="rejected-title" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t.rejectedLine}
                </th>
                <th scope="col">{t.rejectedText}</th>
                <th scope="col">{t.rejectedReason}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((line) => (
                <tr key={line.line}>
                  <td className="num">{formats.count(line.line)}</td>
                  <td className="rejected-text mono" lang={languageOf(line.text)} translate="no">
                    {line.text}
                  </td>
                  <td>
                    <MessageText message={line.reason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {unlisted > 0 && <p className="rejected-more muted">{t.rejectedMore(unlisted, formats.count(unlisted))}</p>}
    </section>
  );
}
