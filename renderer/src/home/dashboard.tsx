import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { DailyChart } from './daily-chart';
import { useDashboard } from './use-dashboard';

type Props = {
  /** The active profile and its generation: a change asks again. */
  scope: string;
  onNewLink(): void;
  onShowPending(): void;
};

/** The shop's day at a glance: what came in today and this week, the last month by day, and links still open. */
export function Dashboard({ scope, onNewLink, onShowPending }: Props) {
  const { t, formats } = useLanguage();
  const { dashboard, error } = useDashboard(scope);

  return (
    <section className="dashboard" aria-labelledby="dashboard-title" aria-busy={!dashboard && !error}>
      <div className="dashboard-head">
        <h2 id="dashboard-title">{t.dashboardTitle}</h2>
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
