import { useEffect, useRef } from 'react';

/** The keys of a new sale, as aria-keyshortcuts writes them: F2 (no browser or Electron claims it) and Ctrl+N. */
export const NEW_SALE_KEYS = 'F2 Control+N';

const isNewSale = (event: KeyboardEvent) =>
  !event.altKey &&
  !event.metaKey &&
  !event.shiftKey &&
  ((event.key === 'F2' && !event.ctrlKey) || (event.ctrlKey && event.key.toLowerCase() === 'n'));

/** A digit, Latin or Bengali, typed with no modifier. */
const isDigit = (event: KeyboardEvent) => !event.altKey && !event.metaKey && !event.ctrlKey && /^[0-9\u09e6-\u09ef]$/.test(event.key);

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));

type Options = {
  onNewSale(): void;
  /** Where a digit typed outside any field starts a sale with it (Home), rather than going nowhere. */
  typeToSell: boolean;
  onDigit(digit: string): void;
};

/**
 * F2 or Ctrl+N from any screen opens a new sale. Not while a dialog is open: what it asks is answered first.
 */
export function useNewSaleShortcut({ onNewSale, typeToSell, onDigit }: Options): void {
  const latest = useRef({ onNewSale, typeToSell, onDigit });
  latest.current = { onNewSale, typeToSell, onDigit };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const { onNewSale, typeToSell, onDigit } = latest.current;
      if (isNewSale(event)) {
        event.preventDefault();
        onNewSale();
      } else if (typeToSell && isDigit(event) && !isEditable(event.target)) {
        event.preventDefault();
        onDigit(event.key);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
