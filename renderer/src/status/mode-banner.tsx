import type { ReactNode } from 'react';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import type { StatusState } from './use-app-status';

/**
 * The top of the window: which profile PayDesk is on (unmistakable in sandbox), the navigation (`children`),
 * and any listener trouble.
 */
export function ModeBanner({ state, children }: { state: StatusState; children: ReactNode }) {
  const { t } = useLanguage();
  const status = state.kind === 'ready' ? state.status : null;
  return (
    <header className="app-header">
      {status?.mode === 'sandbox' && (
        <div className="sandbox-banner" role="note">
          <span className="sandbox-tag" aria-hidden="true">
            {t.sandboxTag}
          </span>
          <strong>{t.sandboxBanner}</strong>
        </div>
      )}
      <div className="app-bar">
        <span className="brand">PayDesk</span>
        {children}
        {status?.mode === 'live' && (
          <span className="live-profile">
            <span className="live-dot" aria-hidden="true" />
            {t.live} · <span className="profile-name">{status.profileName}</span>
          </span>
        )}
        {status?.returnUrl && (
          <span className="return-url">
            {t.customersReturnTo} <code>{status.returnUrl}</code>
          </span>
        )}
      </div>
      {status?.listenerProblem && (
        <p className="listener-warning" role="alert">
          <strong>{t.listenerDown}</strong> {status.listenerProblem}
        </p>
      )}
      {state.kind === 'failed' && (
        <div className="header-error">
          <ErrorAlert error={state.error} />
        </div>
      )}
    </header>
  );
}
