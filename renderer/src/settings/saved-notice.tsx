import type { AppStatus } from '../../../shared/contract';

type Props = {
  name: string;
  /** The status after saving, when the saved profile is the one in use: what the listener now does. */
  status: AppStatus | null;
};

/**
 * What saving changed: for the profile in use, the address the gateway now sends customers back to. What that
 * address exposes is said next to the listen address itself.
 */
export function SavedNotice({ name, status }: Props) {
  return (
    <div className="saved-notice" role="status">
      <p className="saved-title">Saved “{name}”.</p>
      {status?.returnUrl && (
        <p>
          Customers return to <code>{status.returnUrl}</code>
        </p>
      )}
      {status?.listenerProblem && (
        <p className="listener-problem">
          <strong>Customers cannot be brought back to PayDesk.</strong> {status.listenerProblem}
        </p>
      )}
    </div>
  );
}
