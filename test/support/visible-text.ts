// The words a person meets on a page: every rendered element's own text (visually hidden text too, since a
// screen reader says it), the options of a visible select, and the placeholder and title of visible elements;
// not what is not rendered (display: none, visibility: hidden, a closed dialog), not the values of inputs (what
// was typed is the shopkeeper's), and nothing inside an element marked translate="no" (data: refs, names, URLs,
// the gateway's own words). A native date or time field writes its format in the browser's own locale, so
// one shown is reported as a text of its own.
import type { Page } from 'playwright-core';

export type SeenText = {
  text: string;
  /** What the text is to the page: an element's own text, a select's option, a placeholder, a title, a date field. */
  as: 'text' | 'option' | 'placeholder' | 'title' | 'date field';
  /** The element and two of its ancestors, by tag, id or classes: where to look for it in the renderer. */
  where: string;
};

// Page script as text: tsx compiles named functions with a `__name` helper the page does not have.
const COLLECT = `(() => {
  const seen = [];
  const where = (element) => {
    const parts = [];
    for (let e = element; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      const classes = typeof e.className === 'string' ? e.className.trim().split(/\\s+/).filter(Boolean) : [];
      parts.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : classes.map((c) => '.' + c).join('')));
    }
    return parts.join(' < ');
  };
  const add = (text, element, as) => {
    const said = (text ?? '').replace(/\\s+/g, ' ').trim();
    if (said) seen.push({ text: said, as, where: where(element) });
  };
  const unmarked = (element) => element.closest('[translate="no"]') === null;
  const DATE_FIELDS = ['date', 'time', 'datetime-local', 'month', 'week'];
  for (const element of document.body.querySelectorAll('*')) {
    if (['SCRIPT', 'STYLE', 'TEMPLATE', 'OPTION', 'OPTGROUP', 'TEXTAREA'].includes(element.tagName)) continue;
    if (!element.checkVisibility({ visibilityProperty: true }) || !unmarked(element)) continue;
    if (element.tagName === 'SELECT') {
      for (const option of element.options) if (unmarked(option)) add(option.text, element, 'option');
    } else {
      add([...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.data).join(''), element, 'text');
    }
    add(element.getAttribute('placeholder'), element, 'placeholder');
    add(element.getAttribute('title'), element, 'title');
    if (element.tagName === 'INPUT' && DATE_FIELDS.includes(element.type)) {
      add('<input type=' + element.type + '>: the browser writes its format in its own locale', element, 'date field');
    }
  }
  return seen;
})()`;

/** What a person meets on `page` now, in document order. */
export const visibleTexts = (page: Page): Promise<SeenText[]> => page.evaluate(COLLECT) as Promise<SeenText[]>;
