import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';

type Props = {
  onChoose(choice: 'sandbox' | 'connect'): Promise<AppError | null>;
};

/** First start: what PayDesk does, and the two ways to begin. Trying the sandbox is the safe default. */
export function WelcomeCard({ onChoose }: Props) {
  const { t } = useLanguage();
  const tryButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  // Focused after the page's own autofocus, so Enter starts the sandbox.
  useEffect(() => tryButton.current?.focus(), []);

  async function choose(choice: 'sandbox' | 'connect') {
    setBusy(true);
    setError(null);
    const failed = await onChoose(choice);
    setBusy(false);
    setError(failed);
  }

  return (
    <section className="card welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t.welcomeTitle}</h2>
      <p>{t.welcomeIntro}</p>
      <p>{t.welcomeChoice}</p>
      <div className="welcome-choices">
        <button ref={tryButton} type="button" className="primary" disabled={busy} onClick={() => choose('sandbox')}>
          {t.trySandbox}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => choose('connect')}>
          {t.connectGateway}
        </button>
      </div>
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
