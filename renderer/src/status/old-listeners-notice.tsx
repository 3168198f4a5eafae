import { useEffect, useState } from 'react';
import type { AppError, AppStatus } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { DataText } from '../data-text';

type Props = {
  listeners: AppStatus['oldListeners'];
  /** The status the core sent back once they are stopped. */
  onStopped(status: AppStatus): void;
  /** The first of them has closed by itself: the status is asked for again. */
  onExpired(): void;
};

/** The longest a timer may be set for (about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Listeners left answering at an address PayDesk moved away from, so links handed out there still bring their
 * customers back: how long they stay, whether other machines can reach them, and a way to stop them now.
 */
export function OldListenersNotice({ listeners, onStopped, onExpired }: Props) {
  const { t, formats } = useLanguage();
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const exposed = listeners.some((listener) => listener.exposed);
  const firstEnd = Math.min(...listeners.map((listener) => Date.parse(listener.until)));

  useEffect(() => {
    if (!Number.isFinite(firstEnd)) return;
    const timer = setTimeout(onExpired, Math.min(Math.max(firstEnd - Date.now() + 1000, 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [firstEnd, onExpired]);

  async function stop() {
    setStopping(true);
    setError(null);
    const reply = await callPaydesk('stopOldListeners', {});
    setStopping(false);
    if (reply.ok) onStopped(reply.value);
    else setError(reply.error);
  }

  return (
    <div className={`old-listeners${exposed ? ' is-exposed' : ''}`} role="status">
      <div className="old-listeners-text">
        {listeners.map((listener) => (
          <p key={listener.url}>
            <DataText text={t.oldListener(listener.url, formats.time(listener.until))} data={[listener.url]} />
            {listener.exposed && <strong> {t.oldListenerExposed}</strong>}
          </p>
        ))}
      </div>
      <button type="button" className="secondary" onClick={stop} disabled={stopping}>
        {stopping ? t.stoppingOldListener : listeners.length === 1 ? t.stopOldListener : t.stopOldListeners}
      </button>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
