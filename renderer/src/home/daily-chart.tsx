import type { Dashboard } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';

const WIDTH = 720;
const HEIGHT = 220;
/** Room on the left for the widest axis label, "৳১.৫ লাখ" or "৳৭৫ হাজার". */
const PLOT = { left: 84, right: 8, top: 12, bottom: 28 };
const GRID_LINES = 4;

/** The smallest 1, 2 or 5 × 10ⁿ poisha at or above `max`, so the axis reads in round amounts. */
function niceCeiling(max: number): number {
  if (max <= 0) return 100_00;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * power >= max)!;
  return step * power;
}

/**
 * Paid totals per day as plain SVG bars: thirty rectangles need no chart library. Each bar names its day and
 * amount on hover; screen readers get the same figures as a table.
 */
export function DailyChart({ daily }: { daily: Dashboard['daily'] }) {
  const { t, formats } = useLanguage();
  const top = niceCeiling(Math.max(...daily.map((d) => d.sumMinor)));
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = plotWidth / daily.length;
  const barWidth = Math.max(2, slot * 0.68);
  const y = (minor: number) => PLOT.top + plotHeight - (minor / top) * plotHeight;
  const last = daily.length - 1;

  return (
    <figure className="daily-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        {Array.from({ length: GRID_LINES + 1 }, (_, i) => {
          const value = (top / GRID_LINES) * i;
          return (
            <g key={i} className="chart-grid">
              <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(value)} y2={y(value)} />
              <text x={PLOT.left - 8} y={y(value)} dy="0.35em" textAnchor="end">
                {formats.moneyShort(value)}
              </text>
            </g>
          );
        })}
        {daily.map((day, i) => {
          const x = PLOT.left + slot * i + (slot - barWidth) / 2;
          const height = Math.max(day.sumMinor > 0 ? 2 : 0, PLOT.top + plotHeight - y(day.sumMinor));
          return (
            <g key={day.day} className={`chart-bar${i === last ? ' is-today' : ''}`}>
              <title>{t.chartBarTitle(formats.dayShort(day.day), formats.money(day.sumMinor), formats.count(day.count))}</title>
              {/* A full-height strip under each bar, so the hover title works on quiet days too. */}
              <rect className="chart-hit" x={PLOT.left + slot * i} y={PLOT.top} width={slot} height={plotHeight} />
              <rect x={x} y={PLOT.top + plotHeight - height} width={barWidth} height={height} rx={2} />
              {(i % 7 === 2 || i === last) && (
                <text className="chart-day" x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle">
                  {i === last ? t.today : formats.dayShort(day.day)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {/* A table is as tall as its rows whatever its height says: hidden in a box of a pixel, or the page scrolls on. */}
      <div className="visually-hidden">
        <table>
          <caption>{t.chartTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.chartDay}</th>
              <th scope="col">{t.chartPaid}</th>
              <th scope="col">{t.chartPayments}</th>
            </tr>
          </thead>
          <tbody>
            {daily.map((day) => (
              <tr key={day.day}>
                <th scope="row">{formats.dayLong(day.day)}</th>
                <td>{formats.money(day.sumMinor)}</td>
                <td>{formats.count(day.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
