import type { ReactNode } from 'react';
import type { AppStatus } from '../../../shared/contract';
import { CustomerViewButton } from '../customer-view/customer-view-button';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { MessageText } from '../data-text';
import { AddressMovedNotice } from './address-moved-notice';
import { OldListenersNotice } from './old-listeners-notice';
import { UpdateNotice } from './update-notice';
import { WaitingReturnsNotice } from './waiting-returns-notice';
import type { StatusState } from './use-app-status';

type Props = {
  state: StatusState;
  /** Shows a status the core sent back (after stopping old listeners). */
  onStatus(status: AppStatus): void;
  /** Asks the core for the status again (an old listener closed by itself). */
  onRefresh(): void;
  /** False where the screen on show says it itself (Settings, beside the listener). */
  showOldListeners: boolean;
  /** A word about the way back that the screen on show does not say itself (a return address never checked). */
  returnNotice: ReactNode;
  children: ReactNode;
};

/**
 * The top of the window: which profile PayDesk is on (unmistakable in sandbox), the navigation (`children`),
 * any listener trouble, payments waiting to be written to the shared order book, listeners still answering at an old
 * address, and a return address never checked.
 */
export function ModeBanner({ state, onStatus, onRefresh, showOldListeners, returnNotice, children }: Props) {
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
            {t.live} ·{' '}
            <span className="profile-name" lang={languageOf(status.profileName)} translate="no">
              {status.profileName}
            </span>
          </span>
        )}
        {status?.returnUrl && (
          <span className="return-url">
            {t.customersReturnTo} <code translate="no">{status.returnUrl}</code>
          </span>
        )}
        <CustomerViewButton />
      </div>
      {status?.listenerProblem && (
        <p className="listener-warning" role="alert">
          <strong>{t.listenerDown}</strong> <MessageText message={status.listenerProblem} />
        </p>
      )}
      {showOldListeners && status && status.oldListeners.length > 0 && (
        <OldListenersNotice listeners={status.oldListeners} onStopped={onStatus} onExpired={onRefresh} />
      )}
      {status && status.waitingReturns > 0 && <WaitingReturnsNotice waiting={status.waitingReturns} />}
      <AddressMovedNotice onMoved={onRefresh} />
      <UpdateNotice />
      {returnNotice}
      {state.kind === 'failed' && (
        <div className="header-error">
          <ErrorAlert error={state.error} />
        </div>
      )}
    </header>
  );
}
