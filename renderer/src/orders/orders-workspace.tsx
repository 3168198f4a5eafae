import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ExportFilter, OrderStatus, Verification } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import type { ReceiptLayoutId } from '../exports/layout-choice';
import { OrdersExports } from '../exports/orders-exports';
import { severalCounters, useCounters } from '../counters/use-counters';
import { useLanguage } from '../i18n/language-provider';
import { PartBoundary } from '../part-boundary';
import { OrderDetail } from './order-detail';
import { NO_FILTER, OrdersFilterBar, type OrdersFilter } from './orders-filter-bar';
import { OrdersGrid, type GridHandle, type Selection } from './orders-grid';
import type { OrdersQuery } from './order-pages';
import { useOrderPages } from './use-order-pages';

/** Typing settles for this long before the search is sent. */
const SEARCH_DELAY_MS = 150;

/**
 * Asked of the workspace from elsewhere: open an order (a toast was clicked), show one status (the dashboard), or
 * show paid orders of one verification (the dashboard, a reconciliation report).
 */
export type WorkspaceRequest = (
  { kind: 'open'; ref: string } | { kind: 'status'; status: OrderStatus } | { kind: 'verification'; verification: Verification }
) & { id: number };

type Props = {
  /** The active profile and its generation: a change starts the list afresh. */
  scope: string;
  /** Whether the Orders screen is the one on show: only then does the list fetch, and the `/` shortcut work. */
  visible: boolean;
  request: WorkspaceRequest | null;
  announce(message: string): void;
};

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * Every order the shop ever took, searchable and filterable, with one order open beside the list. The list
 * stays live: payments flip rows as they happen, new orders come in, and the selection stays on its order.
 */
export function OrdersWorkspace({ scope, visible, request, announce }: Props) {
  const { t, formats } = useLanguage();
  const [filter, setFilter] = useState<OrdersFilter>(NO_FILTER);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Pick<OrdersQuery, 'sort' | 'direction'>>({ sort: 'time', direction: 'desc' });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [openRef, setOpenRef] = useState<string | null>(null);
  /** The receipt paper last chosen, for one order or for many, kept while PayDesk runs. */
  const [receiptLayout, setReceiptLayout] = useState<ReceiptLayoutId>('a4');
  const searchField = useRef<HTMLInputElement>(null);
  const grid = useRef<GridHandle>(null);
  // Asked again each time the list is shown: another counter may have joined the book meanwhile.
  const counters = useCounters(`${scope}|${visible}`);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(filter.search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filter.search]);

  const datesReversed = filter.from !== '' && filter.to !== '' && filter.from > filter.to;
  const lastValid = useRef<OrdersQuery | null>(null);
  const query = useMemo<OrdersQuery>(() => {
    if (datesReversed && lastValid.current) return lastValid.current;
    const next: OrdersQuery = {
      allProfiles: filter.allProfiles,
      ...sort,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.verification ? { verification: filter.verification } : {}),
      ...(filter.counter ? { counter: filter.counter } : {}),
      ...(search ? { search } : {}),
      ...(filter.from && !datesReversed ? { from: filter.from } : {}),
      ...(filter.to && !datesReversed ? { to: filter.to } : {}),
    };
    lastValid.current = next;
    return next;
  }, [filter.allProfiles, filter.status, filter.verification, filter.counter, filter.from, filter.to, search, sort, datesReversed]);

  const onShift = useCallback((rows: number) => {
    grid.current?.shift(rows);
    setSelection((s) => (s && s.index >= 0 ? { ...s, index: s.index + rows } : s));
  }, []);
  const pages = useOrderPages(query, scope, visible, onShift);

  // Another filter: the selected order keeps its selection if it is still listed, wherever it now is.
  useEffect(() => setSelection((s) => s && { index: -1, ref: s.ref }), [pages.queryKey]);

  // Rows moved or arrived: the selection follows its order.
  const { version, rowAt, indexOf } = pages;
  useEffect(() => {
    if (!selection) return;
    const at = rowAt(selection.index);
    if (selection.ref === null) {
      if (at) setSelection({ index: selection.index, ref: at.ref });
      return;
    }
    if (at?.ref === selection.ref) return;
    const found = indexOf(selection.ref);
    if (found >= 0 && found !== selection.index) setSelection({ index: found, ref: selection.ref });
  }, [version, selection, rowAt, indexOf]);

  useEffect(() => {
    if (!request) return;
    if (request.kind === 'open') {
      setOpenRef(request.ref);
      const index = indexOf(request.ref);
      setSelection({ index, ref: request.ref });
    } else {
      setFilter(
        request.kind === 'status'
          ? { ...NO_FILTER, status: request.status }
          : { ...NO_FILTER, status: 'paid', verification: request.verification },
      );
      setSearch('');
    }
  }, [request, indexOf]);

  useEffect(() => {
    if (!visible) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      searchField.current?.focus();
      searchField.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [visible]);

  const closeDetail = useCallback(() => {
    setOpenRef(null);
    grid.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !openRef || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest('dialog') || (target instanceof HTMLInputElement && target.type === 'search' && target.value)) return;
    event.preventDefault();
    closeDetail();
  }

  const onSort = (column: OrdersQuery['sort']) =>
    setSort((s) =>
      s.sort === column ? { sort: column, direction: s.direction === 'desc' ? 'asc' : 'desc' } : { sort: column, direction: 'desc' },
    );

  // Exports take exactly what the list shows: its filter without its sort.
  const exportFilter = useMemo<ExportFilter>(() => {
    const { sort: _sort, direction: _direction, ...filtered } = query;
    return filtered;
  }, [query]);

  const narrowed =
    query.status !== undefined ||
    query.verification !== undefined ||
    query.search !== undefined ||
    query.counter !== undefined ||
    query.from !== undefined ||
    query.to !== undefined;
  const totals = pages.totals;

  return (
    <div className="orders-workspace" onKeyDown={onKeyDown}>
      <div className="orders-head">
        <h2 id="orders-title">{t.ordersTitle}</h2>
        <p className="orders-totals" aria-busy={totals === null}>
          {totals
            ? t.totalsLine(totals.total, formats.count(totals.total), formats.count(totals.paidCount), formats.money(totals.paidSumMinor))
            : pages.rowCount === null
              ? t.loadingOrders
              : t.countingOrders}
        </p>
        <OrdersExports
          filter={exportFilter}
          paidCount={totals?.paidCount ?? null}
          layout={receiptLayout}
          onLayoutChange={setReceiptLayout}
        />
      </div>
      <OrdersFilterBar filter={filter} onChange={setFilter} searchRef={searchField} counters={counters} datesReversed={datesReversed} />
      {pages.error && <ErrorAlert error={pages.error} />}
      <div className={`orders-body${openRef ? ' has-detail' : ''}`}>
        <OrdersGrid
          handle={grid}
          pages={pages}
          query={query}
          selection={selection}
          onSelect={setSelection}
          onOpen={setOpenRef}
          onSort={onSort}
          showCounter={severalCounters(counters)}
          labelledBy="orders-title"
          empty={narrowed ? t.noMatchingOrders : query.allProfiles ? t.noOrdersYet : t.noOrdersForProfile}
        />
        {openRef && (
          <PartBoundary part={`the detail of order ${openRef}`} resetKey={openRef} onLeave={closeDetail}>
            <OrderDetail
              key={openRef}
              orderRef={openRef}
              onClose={closeDetail}
              announce={announce}
              receiptLayout={receiptLayout}
              onReceiptLayoutChange={setReceiptLayout}
            />
          </PartBoundary>
        )}
      </div>
    </div>
  );
}
