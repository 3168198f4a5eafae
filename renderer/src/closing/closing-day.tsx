import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { closingIsEmpty, closingSections } from '../../../shared/closing-lines';
import { say as message } from '../../../shared/messages/say';
import { DataText } from '../data-text';
import { ErrorAlert } from '../error-alert';
import { DocumentButtons, type DocumentOutput } from '../exports/document-buttons';
import { LayoutChoice, type ReceiptLayoutId } from '../exports/layout-choice';
import { CounterChoice } from '../counters/counter-choice';
import { severalCounters, useCounters } from '../counters/use-counters';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { DayField } from '../orders/day-field';
import { dayOf, presetDays, type Day } from '../orders/typed-day';
import { callPaydesk } from '../paydesk-call';
import { useClosingReport } from './use-closing-report';

type Props = {
  /** The active profile and its generation: a change asks again. */
  scope: string;
  onBack(): void;
};

/**
 * The close of a day (today unless another is picked): what was paid, by how and against the statements, and the
 * links made that day; shown here, and on the 80 mm roll or A4 through preview, print or a saved PDF.
 */
export function ClosingDay({ scope, onBack }: Props) {
  const { t, formats, say } = useLanguage();
  const [day, setDay] = useState<Day>(() => dayOf(new Date()));
  const [unreadable, setUnreadable] = useState(false);
  const [layout, setLayout] = useState<ReceiptLayoutId>('roll80');
  const [busy, setBusy] = useState<DocumentOutput | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [outputError, setOutputError] = useState<AppError | null>(null);
  /** A counter's id, or '' for the whole shop. */
  const [counter, setCounter] = useState('');
  const counters = useCounters(scope);
  const { report, error, loading } = useClosingReport(scope, day, counter);

  // Opened from Home, the day is what the shopkeeper may want to change first.
  useEffect(() => document.getElementById('closing-day')?.focus(), []);

  async function output(to: DocumentOutput) {
    setBusy(to);
    setSaved(null);
    setOutputError(null);
    const reply = await callPaydesk('outputClosingReport', { day, layout, to, ...(counter ? { counter } : {}) });
    // saved:false is the shopkeeper closing the dialog: nothing happened, so nothing is said.
    if (reply.ok) setSaved(reply.value.saved ? reply.value.fileName : null);
    else setOutputError(reply.error);
    setBusy(null);
  }

  const pick = (next: Day) => {
    setSaved(null);
    setDay(next);
  };
  const shown = report?.day === day ? report : null;

  return (
    <section className="closing-day" aria-labelledby="closing-title" aria-busy={loading}>
      <div className="closing-head">
        <h2 id="closing-title">{say(message('closing_heading'))}</h2>
        <button type="button" className="secondary small" onClick={onBack}>
          {t.closingBack}
        </button>
      </div>
      <div className="closing-toolbar">
        <DayField
          id="closing-day"
          label={t.closingDayLabel}
          value={day}
          onChange={(next) => pick(next || dayOf(new Date()))}
          onUnreadable={setUnreadable}
          invalid={unreadable}
          describedBy={unreadable ? 'closing-day-error' : undefined}
        />
        <div className="closing-presets">
          {(['today', 'yesterday'] as const).map((preset) => {
            const { from } = presetDays(preset, new Date());
            return (
              <button key={preset} type="button" className="secondary" aria-pressed={day === from} onClick={() => pick(from)}>
                {t.dayPresets[preset]}
              </button>
            );
          })}
        </div>
        {severalCounters(counters) && (
          <CounterChoice
            id="closing-counter"
            counters={counters}
            value={counter}
            onChange={(next) => {
              setSaved(null);
              setCounter(next);
            }}
          />
        )}
        <div className="closing-output">
          <LayoutChoice name="closing-layout" value={layout} onChange={setLayout} disabled={busy !== null} />
          <DocumentButtons className="closing-buttons" busy={busy} onOutput={output} />
        </div>
      </div>
      {unreadable && (
        <p className="field-error" id="closing-day-error">
          {say(message('day_format'))}
        </p>
      )}
      <p className="saved-inline" role="status">
        {saved && <DataText text={t.closingSaved(saved)} data={[saved]} />}
      </p>
      {outputError && <ErrorAlert error={outputError} />}
      {error && <ErrorAlert error={error} />}
      {shown && (
        <>
          <p className="closing-when">
            <strong>{formats.dayLong(shown.day)}</strong> · {say(message('closing_as_of', { at: shown.at }))}
          </p>
          {closingIsEmpty(shown) && <p className="closing-nothing">{say(message('closing_nothing'))}</p>}
          <div className="closing-sections">
            {closingSections(shown).map((section) => (
              <section key={section.id} className={`card closing-section is-${section.id}`} aria-labelledby={`closing-${section.id}`}>
                <h3 id={`closing-${section.id}`}>{say(section.heading)}</h3>
                <table>
                  <thead>
                    <tr>
                      <td />
                      <th scope="col">{say(message('closing_column_orders'))}</th>
                      <th scope="col">{say(message('closing_column_amount'))}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {section.lines.map((line) => (
                      <tr
                        key={`${line.label.code}-${Object.values(line.label.params).join()}`}
                        className={line.total ? 'is-total' : line.part ? 'is-part' : undefined}
                      >
                        {line.label.code === 'closing_counter_line' ? (
                          // A counter's name, the shop's own words.
                          <th scope="row" translate="no" lang={languageOf(say(line.label))}>
                            {say(line.label)}
                          </th>
                        ) : (
                          <th scope="row">{say(line.label)}</th>
                        )}
                        <td>{formats.count(line.count)}</td>
                        <td>{formats.money(line.sumMinor)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </div>
          <p className="closing-note">{say(message('closing_how_counted'))}</p>
        </>
      )}
    </section>
  );
}
