import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { OrdersQuery } from './order-pages';
import type { OrderPages } from './use-order-pages';
import { useLanguage } from '../i18n/language-provider';
import { OrderRow, rowId } from './order-row';
import { scrollScale, scrollTopAfterShift, scrollTopToReveal, visibleRows } from './scroll-scale';

/**
 * Rows have one fixed height, so any row's place is its index times it: no measuring, a million rows cost what 30
 * do. The height is the stylesheet's `--row-height` (taller where a narrow list stacks its columns), read again
 * when the list's width or its columns change; this until then.
 */
const DEFAULT_ROW_HEIGHT = 44;
/** Rows drawn beyond each edge of the screen, so a quick scroll does not show blank space. */
const OVERSCAN = 8;
/** Used before the list has been laid out (a hidden screen): enough rows for a tall window. */
const UNMEASURED_HEIGHT = 900;

/** The selected row: its index, and its order once that is known (a row scrolled to may still be loading). */
export type Selection = { index: number; ref: string | null };

export type GridHandle = {
  /** Orders came in above the rows on screen: move down with them. */
  shift(rows: number): void;
  focus(): void;
};

type Props = {
  pages: OrderPages;
  query: OrdersQuery;
  selection: Selection | null;
  onSelect(selection: Selection): void;
  onOpen(ref: string): void;
  onSort(sort: OrdersQuery['sort']): void;
  /** Several counters work on the book: each order's counter has a column. */
  showCounter: boolean;
  /** Shown in place of rows when the filter matches nothing. */
  empty: string;
  labelledBy: string;
  handle: Ref<GridHandle>;
};

/**
 * The orders as a WAI-ARIA grid with a virtual body: only the rows on screen (and a few around them) exist.
 * The grid itself holds the focus and points at the selected row; the arrow keys, Page Up/Down, Home and End
 * move the selection, Enter opens it.
 */
export function OrdersGrid({ pages, query, selection, onSelect, onOpen, onSort, showCounter, empty, labelledBy, handle }: Props) {
  const { t } = useLanguage();
  const grid = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const [width, setWidth] = useState(0);
  const [rowHeight, setRowHeight] = useState(DEFAULT_ROW_HEIGHT);
  const pendingShift = useRef(0);

  // Laid out from what the pages know, so the rows never wait for a broad search's totals.
  const total = pages.rowCount ?? 0;
  const scale = scrollScale(total, rowHeight, height || UNMEASURED_HEIGHT);
  const { first, count, firstTop } = visibleRows(scale, scrollTop);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;

  useImperativeHandle(handle, () => ({
    shift(rows) {
      pendingShift.current += rows;
    },
    focus() {
      grid.current?.focus({ preventScroll: true });
    },
  }));

  // Applied after the rows with the new orders are in the DOM and before they are painted, so nothing jumps.
  // After every render, as any render may bring a shift; it sets state only while a shift is pending, once.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const element = body.current;
    if (!pendingShift.current || !element) return;
    element.scrollTop = scrollTopAfterShift(scale, element.scrollTop, pendingShift.current);
    pendingShift.current = 0;
    setScrollTop(element.scrollTop);
  });

  useEffect(() => {
    const element = body.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      setHeight(element.clientHeight);
      setWidth(element.clientWidth);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The rows got taller or shorter: the first row on screen stays first.
  const { allProfiles } = query;
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const next = parseFloat(getComputedStyle(element).getPropertyValue('--row-height')) || DEFAULT_ROW_HEIGHT;
    if (next === rowHeight) return;
    element.scrollTop = (element.scrollTop * next) / rowHeight;
    setRowHeight(next);
    setScrollTop(element.scrollTop);
  }, [width, allProfiles, showCounter, rowHeight]);

  // Another filter or order: back to the top.
  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
    setScrollTop(0);
  }, [pages.queryKey]);

  const { show } = pages;
  const atTop = scrollTop === 0;
  useEffect(() => show({ first, count, atTop }), [show, first, count, atTop, pages.queryKey]);

  function reveal(index: number) {
    const element = body.current;
    if (!element) return;
    const next = scrollTopToReveal(scaleRef.current, element.scrollTop, index);
    if (next === null) return;
    element.scrollTop = next;
    setScrollTop(element.scrollTop);
  }

  function select(index: number) {
    const clamped = Math.min(Math.max(0, index), total - 1);
    if (clamped < 0) return;
    onSelect({ index: clamped, ref: pages.rowAt(clamped)?.ref ?? null });
    reveal(clamped);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.target !== grid.current || total === 0) return;
    const current = selection?.index ?? null;
    const page = Math.max(1, Math.floor((height || UNMEASURED_HEIGHT) / rowHeight) - 1);
    const moves: Record<string, () => number> = {
      ArrowDown: () => (current === null ? first : current + 1),
      ArrowUp: () => (current === null ? first : current - 1),
      PageDown: () => (current ?? first) + page,
      PageUp: () => (current ?? first) - page,
      Home: () => 0,
      End: () => total - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      select(move());
    } else if (event.key === 'Enter' && selection?.ref) {
      event.preventDefault();
      onOpen(selection.ref);
    }
  }

  // Stable, so a scroll re-renders only the rows that came on screen.
  const latest = useRef({ onSelect, onOpen });
  latest.current = { onSelect, onOpen };
  const pick = useCallback((index: number, ref: string) => {
    latest.current.onSelect({ index, ref });
    latest.current.onOpen(ref);
    grid.current?.focus({ preventScroll: true });
  }, []);

  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(total, first + count + OVERSCAN);
  const rows = [];
  for (let index = start; index < end; index++) {
    rows.push(
      <OrderRow
        key={index}
        index={index}
        order={pages.rowAt(index)}
        selected={selection?.index === index}
        showProfile={query.allProfiles}
        showCounter={showCounter}
        markSandbox={query.allProfiles}
        onPick={pick}
      />,
    );
  }

  const sortHeader = (sort: OrdersQuery['sort'], label: string, className: string) => {
    const active = query.sort === sort;
    return (
      <span
        role="columnheader"
        className={className}
        aria-sort={active ? (query.direction === 'desc' ? 'descending' : 'ascending') : undefined}
      >
        <button type="button" className="sort-button" onClick={() => onSort(sort)}>
          {label}
          <span className="sort-mark" aria-hidden="true">
            {active ? (query.direction === 'desc' ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </span>
    );
  };

  const showing = selection && selection.index >= start && selection.index < end;
  return (
    <div
      ref={grid}
      role="grid"
      tabIndex={0}
      className={`orders-grid${query.allProfiles ? ' with-profile' : ''}${showCounter ? ' with-counter' : ''}`}
      aria-labelledby={labelledBy}
      aria-rowcount={total + 1}
      aria-colcount={6 + (query.allProfiles ? 1 : 0) + (showCounter ? 1 : 0)}
      aria-activedescendant={showing ? rowId(selection.index) : undefined}
      aria-busy={pages.rowCount === null}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="order-row head-row">
          <span role="columnheader" className="cell-ref">
            {t.columnRef}
          </span>
          {query.allProfiles && (
            <span role="columnheader" className="cell-profile">
              {t.columnProfile}
            </span>
          )}
          {sortHeader('time', t.columnTime, 'cell-time')}
          <span role="columnheader" className="cell-customer">
            {t.columnCustomer}
          </span>
          {showCounter && (
            <span role="columnheader" className="cell-counter">
              {t.columnCounter}
            </span>
          )}
          {sortHeader('amount', t.columnAmount, 'cell-amount')}
          <span role="columnheader" className="cell-status">
            {t.columnStatus}
          </span>
          <span role="columnheader" className="cell-transaction">
            {t.columnTransaction}
          </span>
        </div>
      </div>
      <div ref={body} role="rowgroup" className="grid-body" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
        {pages.rowCount === 0 ? (
          <div role="row" className="grid-empty">
            <span role="gridcell" className="muted">
              {empty}
            </span>
          </div>
        ) : (
          <div className="grid-spacer" style={{ height: scale.scrollHeight }}>
            <div className="grid-rows" style={{ top: firstTop - (first - start) * rowHeight }}>
              {rows}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
