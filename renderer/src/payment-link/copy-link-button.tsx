import { useEffect, useState, type RefObject } from 'react';
import { useLanguage } from '../i18n/language-provider';

type Outcome = 'idle' | 'copied' | 'unavailable';

/**
 * Copies the link to the clipboard. Where the clipboard is out of reach (no permission, no focus), the link
 * is selected instead so Ctrl+C finishes the job, and the shopkeeper is told so.
 */
export function CopyLinkButton({ url, field, autoFocus }: { url: string; field: RefObject<HTMLInputElement | null>; autoFocus?: boolean }) {
  const { t } = useLanguage();
  const [outcome, setOutcome] = useState<Outcome>('idle');

  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = setTimeout(() => setOutcome('idle'), 2500);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setOutcome('copied');
    } catch {
      field.current?.focus();
      field.current?.select();
      setOutcome('unavailable');
    }
  }

  return (
    <>
      <button type="button" className="secondary copy" onClick={copy} autoFocus={autoFocus}>
        {outcome === 'copied' ? t.copied : t.copy}
      </button>
      <p className="copy-outcome" role="status">
        {outcome === 'copied' && t.copiedNote}
        {outcome === 'unavailable' && t.clipboardUnavailable}
      </p>
    </>
  );
}
