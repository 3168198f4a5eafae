import { useState } from 'react';
import { UNPROVEN, type Verification } from '../../../shared/contract';
import { ClosingDay } from '../closing/closing-day';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { DailyChart } from './daily-chart';
import { useDashboard } from './use-dashboard';

type Props = {
  /** The active profile and its generation: a change asks again. */
  scope: string;
  onNewLink(): void;
  onShowPending(): void;
  onShowVerification(verification: Verification): void;
  onReconcile(): void;
};

/**
 * The shop's day at a glance: what came in today and this week, links still open, paid orders no statement has
 * confirmed yet, and the last month by day.
 */
export function Dashboard({ scope, onNewLink, onShowPending, onShowVerification, onReconcile }: Props) {
  const { t, formats } = useLanguage();
  const { dashboard, error } = useDashboard(scope);
  const unverified = dashboard?.paidUnverified ?? null;
  const [closing, setClosing] = useState(false);

  if (closing) return <ClosingDay scope={scope} onBack={() => setClosing(false)} />;

  return (
    <section className="dashboard" aria-labelledby="dashboard-title" aria-busy={!dashboard && !error}>
      <div className="dashboard-head">
        <h2 id="dashboard-title">{t.dashboardTitle}</h2>
        <button type="button" className="secondary inline close-the-day" onClick={() => setClosing(true)}>
          {t.closeTheDay}
        </button>
        <button type="button" className="primary inline" onClick={onNewLink}>
          {t.newLinkShortcut}
        </button>
      </div>
      {error && <ErrorAlert error={error} />}
      {dashboard && (
        <>
          <div className="stat-cards">
            <section className="card stat-card is-today" aria-labelledby="stat-today">
              <h3 id="stat-today">{t.statToday}</h3>
              <p className="stat-amount">{formats.money(dashboard.today.sumMinor)}</p>
              <p className="stat-count">{t.paymentsCount(dashboard.today.count, formats.count(dashboard.today.count))}</p>
            </section>
            <section className="card stat-card" aria-labelledby="stat-week">
              <h3 id="stat-week">{t.statLast7Days}</h3>
              <p className="stat-amount">{formats.money(dashboard.last7Days.sumMinor)}</p>
              <p className="stat-count">{t.paymentsCount(dashboard.last7Days.count, formats.count(dashboard.last7Days.count))}</p>
            </section>
            <section className="card stat-card is-pending" aria-labelledby="stat-pending">
              <h3 id="stat-pending">{t.statPending}</h3>
              <p className="stat-amount">{formats.count(dashboard.pending.count)}</p>
              <p className="stat-count">{t.pendingWaiting(formats.money(dashboard.pending.sumMinor))}</p>
              {dashboard.pending.count > 0 && (
                <button type="button" className="link-button" onClick={onShowPending}>
                  {t.showPending}
                </button>
              )}
            </section>
            <section className="card stat-card is-unverified" aria-labelledby="stat-unverified">
              <h3 id="stat-unverified">{t.statUnverified}</h3>
              <p className="stat-amount">{formats.money(unverified!.sumMinor)}</p>
              <p className="stat-count">{t.paymentsCount(unverified!.count, formats.count(unverified!.count))}</p>
              {unverified!.count === 0 ? (
                <p className="stat-note">{t.unverifiedNone}</p>
              ) : (
                <>
                  <ul className="stat-links">
                    {UNPROVEN.map((verification) => {
                      const n = unverified!.byVerification[verification];
                      return n ? (
                        <li key={verification}>
                          <button type="button" className="link-button" onClick={() => onShowVerification(verification)}>
                            {t.showVerification(t.verification[verification], formats.count(n))}
                          </button>
                        </li>
                      ) : null;
                    })}
                  </ul>
                  <button type="button" className="secondary small" onClick={onReconcile}>
                    {t.importStatementShortcut}
                  </button>
                </>
              )}
            </section>
          </div>
          <section className="card chart-card" aria-labelledby="chart-title">
            <h3 id="chart-title">{t.chartTitle}</h3>
            <DailyChart daily={dashboard.daily} />
          </section>
        </>
      )}
    </section>
  );
}
