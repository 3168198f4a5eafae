import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';

type Props = {
  onChoose(choice: 'sandbox' | 'connect'): Promise<AppError | null>;
};

/** First start: what PayDesk does, and the two ways to begin. Trying the sandbox is the safe default. */
export function WelcomeCard({ onChoose }: Props) {
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
      <h2 id="welcome-title">Welcome to PayDesk</h2>
      <p>
        PayDesk makes payment links for your customers through your payment gateway, and marks each order Paid the
        moment the customer has paid.
      </p>
      <p>
        Try it first with the built-in sandbox, where no real money moves, or connect your own gateway with the API key
        from its API Settings page.
      </p>
      <div className="welcome-choices">
        <button ref={tryButton} type="button" className="primary" disabled={busy} onClick={() => choose('sandbox')}>
          Try the sandbox
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => choose('connect')}>
          Connect my gateway
        </button>
      </div>
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
