import { useCallback, useState } from 'react';
import type { AppError, AppStatus, Order } from '../../shared/contract';
import { Announcer } from './announcer';
import { panelId, TabBar, tabId, type Tab } from './navigation/tab-bar';
import { OrdersTable } from './orders/orders-table';
import { STATUS_LABELS } from './orders/status-badge';
import { useOrders } from './orders/use-orders';
import { callPaydesk } from './paydesk-call';
import { PaymentLinkForm } from './payment-link/payment-link-form';
import { PaymentLinkPanel } from './payment-link/payment-link-panel';
import { SettingsPage, type SettingsIntent } from './settings/settings-page';
import { ModeBanner } from './status/mode-banner';
import { useAppStatus } from './status/use-app-status';
import { WelcomeCard } from './welcome/welcome-card';

type Screen = 'payments' | 'settings';
const SCREENS: readonly Tab<Screen>[] = [
  { id: 'payments', label: 'Payments' },
  { id: 'settings', label: 'Settings' },
];

export function App() {
  const { state: statusState, refresh: refreshStatus, show: showStatus } = useAppStatus();
  const ready = statusState.kind === 'ready' ? statusState.status : null;
  const [screen, setScreen] = useState<Screen>('payments');
  const [settingsIntent, setSettingsIntent] = useState<SettingsIntent | null>(null);
  const [allProfiles, setAllProfiles] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [created, setCreated] = useState<Order | null>(null);

  const orders = useOrders(
    { allProfiles, profileName: ready?.profileName ?? null, generation },
    useCallback((order: Order, before: Order | undefined) => {
      if (before && before.status !== order.status && order.status !== 'pending') {
        setAnnouncement(`Order ${order.ref} is now ${STATUS_LABELS[order.status]}.`);
      }
    }, []),
  );

  const onCreated = useCallback((order: Order) => {
    setCreated(order);
    setAnnouncement(`Payment link created for order ${order.ref}.`);
  }, []);

  const open = (next: Screen, intent: SettingsIntent | null = null) => {
    setScreen(next);
    setSettingsIntent(intent);
  };

  /** The profile in use (or its listener) may have changed: its orders and status are shown afresh. */
  const onProfileChanged = useCallback(
    async (changed?: AppStatus) => {
      if (changed) showStatus(changed);
      const now = changed ?? (await refreshStatus());
      setGeneration((n) => n + 1);
      setCreated((link) => (link && now && link.profileName !== now.profileName ? null : link));
      if (changed) setAnnouncement(`PayDesk now uses the profile ${changed.profileName}.`);
      return now;
    },
    [refreshStatus, showStatus],
  );

  async function finishWelcome(choice: 'sandbox' | 'connect'): Promise<AppError | null> {
    const reply = await callPaydesk('finishWelcome', { choice });
    if (!reply.ok) return reply.error;
    showStatus(reply.value);
    if (choice === 'connect') open('settings', 'add-profile');
    // The welcome is gone with the button that had the focus; the amount is where work starts.
    else document.getElementById('amount')?.focus();
    return null;
  }

  // The panel shows the order as it is now, so it turns Paid together with its row.
  const shown = created ? (orders.orders.find((order) => order.ref === created.ref) ?? created) : null;

  return (
    <div className="app">
      <ModeBanner state={statusState}>
        <TabBar label="PayDesk" tabs={SCREENS} selected={screen} onSelect={(next) => open(next)} />
      </ModeBanner>
      {statusState.kind !== 'loading' && (
        <>
          <main
            className="workspace"
            id={panelId('payments')}
            role="tabpanel"
            aria-labelledby={tabId('payments')}
            hidden={screen !== 'payments'}
          >
            {ready?.welcome && <WelcomeCard onChoose={finishWelcome} />}
            <div className="create-row">
              <PaymentLinkForm
                onSending={() => setCreated(null)}
                onCreated={onCreated}
                onOpenSettings={() => open('settings', 'fix-base-url')}
              />
              <PaymentLinkPanel order={shown} />
            </div>
            <OrdersTable state={orders} allProfiles={allProfiles} onAllProfilesChange={setAllProfiles} />
          </main>
          <main
            className="workspace"
            id={panelId('settings')}
            role="tabpanel"
            aria-labelledby={tabId('settings')}
            hidden={screen !== 'settings'}
          >
            {/* Mounted only while open, so Settings always shows the profiles as they are now. */}
            {screen === 'settings' && (
              <SettingsPage intent={settingsIntent} status={ready} onProfileChanged={onProfileChanged} />
            )}
          </main>
        </>
      )}
      <Announcer message={announcement} />
    </div>
  );
}
