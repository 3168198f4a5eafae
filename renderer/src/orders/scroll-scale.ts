// Fixed-height rows, as many as the order book holds. Chromium cannot lay out an element much taller than
// 33.5 million pixels, and a million 44-pixel rows are 44 million; past a cap the scrollbar therefore moves
// through the rows proportionally ("scaled"), while the rows themselves are always drawn at their true height.

/** Well below Chromium's ~33,554,000 px layout limit. */
export const MAX_SCROLL_HEIGHT = 24_000_000;

export type ScrollScale = {
  rowHeight: number;
  total: number;
  viewportHeight: number;
  /** The height the scrolling element gets. */
  scrollHeight: number;
  /** Row pixels per scrolled pixel: 1 below the cap. */
  ratio: number;
};

export function scrollScale(total: number, rowHeight: number, viewportHeight: number): ScrollScale {
  const content = total * rowHeight;
  const scrollHeight = Math.min(content, MAX_SCROLL_HEIGHT);
  const ratio = content > scrollHeight && scrollHeight > viewportHeight ? (content - viewportHeight) / (scrollHeight - viewportHeight) : 1;
  return { rowHeight, total, viewportHeight, scrollHeight, ratio };
}

export type VisibleRows = {
  /** First row (partly) on screen. */
  first: number;
  /** Rows that fit on screen, partly shown ones included. */
  count: number;
  /** Where, in the scrolling element, the first row's top is drawn. */
  firstTop: number;
};

export function visibleRows(scale: ScrollScale, scrollTop: number): VisibleRows {
  const { rowHeight, total, viewportHeight, ratio } = scale;
  const rowPixels = scrollTop * ratio;
  const first = Math.min(Math.max(0, Math.floor(rowPixels / rowHeight)), Math.max(0, total - 1));
  const count = Math.min(Math.ceil(viewportHeight / rowHeight) + 1, total - first);
  return { first, count: Math.max(0, count), firstTop: scrollTop - (rowPixels - first * rowHeight) };
}

/** The scrollTop that brings row `index` fully on screen, or null when it already is. */
export function scrollTopToReveal(scale: ScrollScale, scrollTop: number, index: number): number | null {
  const { rowHeight, viewportHeight, ratio } = scale;
  const rowPixels = scrollTop * ratio;
  const top = index * rowHeight;
  if (top < rowPixels) return top / ratio;
  if (top + rowHeight > rowPixels + viewportHeight) return (top + rowHeight - viewportHeight) / ratio;
  return null;
}

/** The scrollTop that keeps the rows on screen where they are after `rows` rows were put in above them. */
export function scrollTopAfterShift(scale: ScrollScale, scrollTop: number, rows: number): number {
  return Math.max(0, scrollTop + (rows * scale.rowHeight) / scale.ratio);
}
