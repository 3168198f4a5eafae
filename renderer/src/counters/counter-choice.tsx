import type { Counter } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';

type Props = {
  id: string;
  counters: readonly Counter[];
  /** A counter's id, or '' for every counter. */
  value: string;
  onChange(counter: string): void;
};

/** Which counter's orders to show: every counter's (the default), or one, this computer's marked as such. */
export function CounterChoice({ id, counters, value, onChange }: Props) {
  const { t } = useLanguage();
  return (
    <div className="toolbar-field counter-choice">
      <label htmlFor={id}>{t.counterFilterLabel}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t.allCounters}</option>
        {counters.map((counter) =>
          // Another counter's name is the shop's own words; this computer's is said in a sentence of the language.
          counter.thisOne ? (
            <option key={counter.id} value={counter.id}>
              {t.thisComputer(counter.name)}
            </option>
          ) : (
            <option key={counter.id} value={counter.id} lang={languageOf(counter.name)} translate="no">
              {counter.name}
            </option>
          ),
        )}
      </select>
    </div>
  );
}
