import type { AppStatus } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';

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
  const { t, say } = useLanguage();
  return (
    <div className="saved-notice" role="status">
      <p className="saved-title">{t.savedName(name)}</p>
      {status?.returnUrl && (
        <p>
          {t.customersReturnTo} <code>{status.returnUrl}</code>
        </p>
      )}
      {status?.returnReach && <p>{t.reachSaved[status.returnReach]}</p>}
      {status?.listenerProblem && (
        <p className="listener-problem">
          <strong>{t.listenerDown}</strong> {say(status.listenerProblem)}
        </p>
      )}
    </div>
  );
}
