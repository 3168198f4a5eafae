import { useState, type Ref } from 'react';
import { ORDER_STATUSES, VERIFICATIONS, type Counter, type OrderStatus, type Verification } from '../../../shared/contract';
import { CounterChoice } from '../counters/counter-choice';
import { severalCounters } from '../counters/use-counters';
import { useLanguage } from '../i18n/language-provider';
import { DayField } from './day-field';
import { DAY_PRESETS, presetDays } from './typed-day';

/** The filter as chosen: the search text as it is in the box, dates as YYYY-MM-DD (as read from what was typed) or empty. */
export type OrdersFilter = {
  search: string;
  status: OrderStatus | '';
  /** How paid orders stand against the statements; only paid orders have one. */
  verification: Verification | '';
  from: string;
  to: string;
  /** A counter's id, or '' for every counter's orders. */
  counter: string;
  allProfiles: boolean;
};

export const NO_FILTER: OrdersFilter = { search: '', status: '', verification: '', from: '', to: '', counter: '', allProfiles: false };

type Props = {
  filter: OrdersFilter;
  onChange(filter: OrdersFilter): void;
  searchRef: Ref<HTMLInputElement>;
  /** The counters working on the order book: with more than one, the orders can be narrowed to one's. */
  counters: readonly Counter[];
  /** The start date is after the end date: nothing is asked for until that is fixed. */
  datesReversed: boolean;
};

/**
 * Search, status, statement verification, counter, dates and scope. Every change applies at once (typing after a short
 * pause).
 */
export function OrdersFilterBar({ filter, onChange, searchRef, counters, datesReversed }: Props) {
  const { t, say } = useLanguage();
  const [unreadable, setUnreadable] = useState({ from: false, to: false });
  const set = <K extends keyof OrdersFilter>(key: K, value: OrdersFilter[K]) => onChange({ ...filter, [key]: value });
  const narrowed =
    filter.search !== '' ||
    filter.status !== '' ||
    filter.verification !== '' ||
    filter.counter !== '' ||
    filter.from !== '' ||
    filter.to !== '';
  const now = new Date();
  const dayProblems = (['from', 'to'] as const).filter((end) => unreadable[end]);
  const describedBy = (end: 'from' | 'to') =>
    [unreadable[end] && `orders-${end}-error`, datesReversed && 'orders-dates-error'].filter(Boolean).join(' ') || undefined;

  return (
    <div className="orders-toolbar" role="search" aria-label={t.ordersFilterLabel}>
      <div className="search-box">
        <label htmlFor="orders-search" className="visually-hidden">
          {t.searchLabel}
        </label>
        <input
          id="orders-search"
          ref={searchRef}
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          placeholder={t.searchPlaceholder}
          aria-keyshortcuts="/"
          value={filter.search}
          onChange={(event) => set('search', event.target.value)}
        />
        <kbd className="shortcut" aria-hidden="true">
          /
        </kbd>
      </div>
      <div className="toolbar-field">
        <label htmlFor="orders-status">{t.statusFilterLabel}</label>
        <select id="orders-status" value={filter.status} onChange={(event) => set('status', event.target.value as OrdersFilter['status'])}>
          <option value="">{t.allStatuses}</option>
          {ORDER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t.status[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar-field">
        <label htmlFor="orders-verification">{t.verificationFilterLabel}</label>
        <select
          id="orders-verification"
          value={filter.verification}
          onChange={(event) => set('verification', event.target.value as OrdersFilter['verification'])}
        >
          <option value="">{t.allVerifications}</option>
          {VERIFICATIONS.map((verification) => (
            <option key={verification} value={verification}>
              {t.verification[verification]}
            </option>
          ))}
        </select>
      </div>
      {severalCounters(counters) && (
        <CounterChoice id="orders-counter" counters={counters} value={filter.counter} onChange={(counter) => set('counter', counter)} />
      )}
      {(['from', 'to'] as const).map((end) => (
        <DayField
          key={end}
          id={`orders-${end}`}
          label={end === 'from' ? t.fromLabel : t.toLabel}
          value={filter[end]}
          onChange={(day) => set(end, day)}
          onUnreadable={(isUnreadable) => setUnreadable((was) => (was[end] === isUnreadable ? was : { ...was, [end]: isUnreadable }))}
          invalid={datesReversed || unreadable[end]}
          describedBy={describedBy(end)}
        />
      ))}
      <div className="day-presets" role="group" aria-label={t.dayPresetsLabel}>
        {DAY_PRESETS.map((preset) => {
          const days = presetDays(preset, now);
          return (
            <button
              key={preset}
              type="button"
              className="secondary small"
              aria-pressed={filter.from === days.from && filter.to === days.to}
              onClick={() => onChange({ ...filter, ...presetDays(preset, new Date()) })}
            >
              {t.dayPresets[preset]}
            </button>
          );
        })}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={filter.allProfiles} onChange={(event) => set('allProfiles', event.target.checked)} />
        {t.allProfiles}
      </label>
      {narrowed && (
        <button type="button" className="secondary small" onClick={() => onChange({ ...NO_FILTER, allProfiles: filter.allProfiles })}>
          {t.clearFilters}
        </button>
      )}
      {dayProblems.map((end) => (
        <p key={end} className="field-error toolbar-error" id={`orders-${end}-error`} role="alert">
          {end === 'from' ? t.fromLabel : t.toLabel}: {say({ code: 'day_format', params: {} })}
        </p>
      ))}
      {datesReversed && (
        <p className="field-error toolbar-error" id="orders-dates-error" role="alert">
          {say({ code: 'date_range_reversed', params: {} })}
        </p>
      )}
    </div>
  );
}
