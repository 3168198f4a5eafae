// What is wrong with a page's layout as a person sees it: a page wider than the window, an element whose content
// spills out of its box or is cut off by it, and a page that scrolls on into blank space below its last content.
// Elements that scroll on purpose (overflow auto or scroll) may be wider inside than out; inputs scroll their own
// text; what is visually hidden for screen readers (clipped to a pixel) is not seen. One allow-list, kept small:
// an element that is meant to ellipsize (text-overflow: ellipsis) and carries its whole text in a title, such as
// a long customer name in an orders row, may cut its text.
import type { Page } from 'playwright-core';

export type LayoutFault = {
  what: 'page wider than the window' | 'content wider than its box' | 'content taller than its box' | 'text cut off' | 'blank scroll';
  /** The element and two of its ancestors, by tag, id or classes, with its sizes. */
  where: string;
  /** The text it holds, shortened. */
  text: string;
};

/** Blank space below the last content that a page may scroll into: its bottom padding and a card's margin. */
const BLANK_SCROLL_PX = 64;

// Page script as text: tsx compiles named functions with a `__name` helper the page does not have.
const COLLECT = `(() => {
  const faults = [];
  const where = (element) => {
    const parts = [];
    for (let e = element; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      const classes = typeof e.className === 'string' ? e.className.trim().split(/\\s+/).filter(Boolean) : [];
      parts.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : classes.map((c) => '.' + c).join('')));
    }
    return parts.join(' < ') + ' [' + element.clientWidth + '×' + element.clientHeight + ', content ' + element.scrollWidth + '×' + element.scrollHeight + ']';
  };
  const textOf = (element) => (element.textContent ?? '').replace(/\\s+/g, ' ').trim().slice(0, 80);
  const add = (what, element) => faults.push({ what, where: where(element), text: textOf(element) });
  // Visually hidden (a clip, or a box of a pixel that hides its overflow): read by screen readers, never seen.
  const unseen = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.clip !== 'auto' || style.clipPath !== 'none') return true;
      if (style.overflow !== 'visible' && e.clientWidth <= 1 && e.clientHeight <= 1) return true;
    }
    return false;
  };
  const scrolls = (value) => value === 'auto' || value === 'scroll';
  const ellipsizedWithTitle = (element, style) =>
    style.textOverflow === 'ellipsis' && (element.closest('[title]')?.getAttribute('title') ?? '').replace(/\\s+/g, ' ').trim() === textOf(element);
  const FIELDS = ['INPUT', 'TEXTAREA', 'SELECT', 'OPTION'];

  const root = document.scrollingElement;
  if (root.scrollWidth > innerWidth + 1) add('page wider than the window', root);

  let contentBottom = 0;
  for (const element of document.body.querySelectorAll('*')) {
    if (!(element instanceof HTMLElement) || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(element.tagName)) continue;
    if (!element.checkVisibility({ visibilityProperty: true }) || unseen(element)) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    // What a person sees end there: text, an image or a field, or the edge of a box (a card's border).
    const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.data.trim() !== '');
    const edge = style.borderBottomStyle !== 'none' && parseFloat(style.borderBottomWidth) > 0;
    if (box.height > 0 && (ownText || edge || ['IMG', 'SVG', 'CANVAS', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA'].includes(element.tagName.toUpperCase()))) {
      contentBottom = Math.max(contentBottom, box.bottom + scrollY);
    }
    if (FIELDS.includes(element.tagName) || style.display === 'inline' || style.display === 'contents') continue;
    const wide = element.scrollWidth > element.clientWidth + 1 && !scrolls(style.overflowX);
    const tall = element.scrollHeight > element.clientHeight + 1 && !scrolls(style.overflowY);
    if (!wide && !tall) continue;
    if (ellipsizedWithTitle(element, style)) continue;
    if (textOf(element) === '' && !element.querySelector('img, svg, canvas, input, button, select, textarea')) continue;
    const cuts = (wide && style.overflowX !== 'visible') || (tall && style.overflowY !== 'visible');
    add(cuts ? 'text cut off' : wide ? 'content wider than its box' : 'content taller than its box', element);
  }
  for (const svg of document.body.querySelectorAll('svg')) {
    if (svg.checkVisibility() && !unseen(svg)) contentBottom = Math.max(contentBottom, svg.getBoundingClientRect().bottom + scrollY);
  }
  if (root.scrollHeight > innerHeight && root.scrollHeight - contentBottom > ${BLANK_SCROLL_PX}) {
    faults.push({ what: 'blank scroll', where: 'the page scrolls to ' + root.scrollHeight + ' px, its last content ends at ' + Math.round(contentBottom) + ' px', text: '' });
  }
  return faults;
})()`;

/** What is wrong with the layout of `page` as it is on screen now. */
export const layoutFaults = (page: Page): Promise<LayoutFault[]> => page.evaluate(COLLECT) as Promise<LayoutFault[]>;
