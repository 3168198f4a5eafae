import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';

const isShortcut = (event: KeyboardEvent) => event.ctrlKey && event.shiftKey && !event.altKey && event.code === 'KeyD';

/** Opens the customer view (or brings it to the front), from the app bar or with Ctrl+Shift+D anywhere. */
export function CustomerViewButton() {
  const { t } = useLanguage();
  const [error, setError] = useState<AppError | null>(null);

  const open = useCallback(async () => {
    const reply = await callPaydesk('customerView', { open: true });
    setError(reply.ok ? null : reply.error);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      event.preventDefault();
      void open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <span className="customer-view-open">
      <button type="button" onClick={open} title={t.customerViewHint} aria-keyshortcuts="Control+Shift+D">
        {t.customerViewButton}
      </button>
      {error && <ErrorAlert error={error} />}
    </span>
  );
}
