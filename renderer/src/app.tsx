import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AppError, AppStatus, Order, Verification } from '../../shared/contract';
import { showAboutSection } from './about/about-section';
import { Announcer } from './announcer';
import { Dashboard } from './home/dashboard';
import { useLanguage } from './i18n/language-provider';
import { NEW_SALE_KEYS, useNewSaleShortcut } from './navigation/new-sale-shortcut';
import { panelId, TabBar, tabId, type Tab } from './navigation/tab-bar';
import { OrdersWorkspace, type WorkspaceRequest } from './orders/orders-workspace';
import { PartBoundary } from './part-boundary';
import { callPaydesk, onPaydeskEvent } from './paydesk-call';
import { PaymentLinkForm, type SaleForm } from './payment-link/payment-link-form';
import { PaymentLinkPanel } from './payment-link/payment-link-panel';
import { ReconcilePage } from './reconcile/reconcile-page';
import { SettingsPage, type SettingsIntent } from './settings/settings-page';
import { ModeBanner } from './status/mode-banner';
import { ReturnWayProvider } from './status/return-way';
import { UncheckedReturnNotice } from './status/unchecked-return-notice';
import { useAppStatus } from './status/use-app-status';
import { PaidToasts } from './toast/paid-toasts';
import { WelcomeCard } from './welcome/welcome-card';

type Screen = 'home' | 'payments' | 'orders' | 'reconcile' | 'settings';

export function App() {
  const { t } = useLanguage();
  const { state: statusState, refresh: refreshStatus, show: showStatus } = useAppStatus();
  const ready = statusState.kind === 'ready' ? statusState.status : null;
  const [screen, setScreen] = useState<Screen>('home');
  const [settingsIntent, setSettingsIntent] = useState<SettingsIntent | null>(null);
  const [generation, setGeneration] = useState(0);
  /** Bumped by each statement import, which changes many orders at once without an event for each. */
  const [imports, setImports] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [created, setCreated] = useState<Order | null>(null);
  const [request, setRequest] = useState<WorkspaceRequest | null>(null);
  /** The unchecked return address the shopkeeper said "Not now" to: said once, not on every screen again. */
  const [uncheckedDismissed, setUncheckedDismissed] = useState<string | null>(null);
  const saleForm = useRef<SaleForm>(null);
  const onScreen = useRef(screen);
  onScreen.current = screen;
  const shownRef = useRef<string | null>(null);
  shownRef.current = created?.ref ?? null;

  const screens: readonly Tab<Screen>[] = [
    { id: 'home', label: t.tabHome },
    { id: 'payments', label: t.tabPayments, shortcut: NEW_SALE_KEYS },
    { id: 'orders', label: t.tabOrders },
    { id: 'reconcile', label: t.tabReconcile },
    { id: 'settings', label: t.tabSettings },
  ];

  // The link on show follows its order, so the panel turns Paid (or Cancelled) as the customer decides.
  useEffect(
    () =>
      onPaydeskEvent('orderChanged', (order) =>
        setCreated((link) => {
          if (!link || link.ref !== order.ref) return link;
          // "Paid" is said by the toast; the other outcomes are said here.
          if (order.status !== link.status && order.status !== 'paid' && order.status !== 'pending') {
            setAnnouncement(t.orderNowAnnouncement(order.ref, t.status[order.status]));
          }
          return order;
        }),
      ),
    [t],
  );

  // Paid: the form is ready for the next customer, unless the shopkeeper is already typing somewhere or answering a dialog.
  const paidRef = created?.status === 'paid' ? created.ref : null;
  useEffect(() => {
    if (paidRef === null || onScreen.current !== 'payments' || document.querySelector('dialog[open]')) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.matches('input, textarea, select')) return;
    saleForm.current?.focusAmount();
  }, [paidRef]);

  const onCreated = useCallback(
    (order: Order) => {
      setCreated(order);
      setAnnouncement(t.linkCreatedAnnouncement(order.ref));
    },
    [t],
  );

  const open = useCallback((next: Screen, intent: SettingsIntent | null = null) => {
    setScreen(next);
    setSettingsIntent(intent);
  }, []);

  // The app menu's Help › About: Settings, drawn at once so its About section can take the focus.
  useEffect(
    () =>
      onPaydeskEvent('showAbout', () => {
        flushSync(() => open('settings'));
        showAboutSection();
      }),
    [open],
  );

  const returnWay = useMemo(
    () => ({
      status: ready,
      chooseWhere: () => open('settings', 'where-customers-pay'),
      checkReturn: () => open('settings', 'check-return'),
    }),
    [ready, open],
  );
  const unchecked =
    ready?.mode === 'live' && ready.returnUrl !== null && !ready.returnChecked && uncheckedDismissed !== ready.returnUrl
      ? ready.returnUrl
      : null;

  /** To the payment form, ready to type an amount. */
  const toAmount = (clearFinished: boolean) => {
    // The form's panel must be shown before its field can take the focus; after an await (the welcome's
    // choice) React would otherwise draw the switch later than a next-frame focus comes.
    flushSync(() => {
      open('payments');
      if (clearFinished) setCreated((link) => (link?.status === 'pending' ? link : null));
    });
    saleForm.current?.focusAmount();
  };
  /** A new sale: a finished link makes way for it (a pending one stays on show until the next is sent). */
  const newLink = () => toAmount(true);

  useNewSaleShortcut({
    onNewSale: newLink,
    typeToSell: screen === 'home' && statusState.kind !== 'loading',
    onDigit(digit) {
      newLink();
      saleForm.current?.startWith(digit);
    },
  });

  /** A tab clicked: the Payments screen is for typing an amount, so its field takes the focus. */
  const select = (next: Screen, by: 'click' | 'arrows') => {
    if (next === 'payments' && by === 'click') toAmount(false);
    else open(next);
  };

  const openOrder = (ref: string) => {
    open('orders');
    setRequest((r) => ({ kind: 'open', ref, id: (r?.id ?? 0) + 1 }));
  };

  const showPending = () => {
    open('orders');
    setRequest((r) => ({ kind: 'status', status: 'pending', id: (r?.id ?? 0) + 1 }));
  };

  const showVerification = (verification: Verification) => {
    open('orders');
    setRequest((r) => ({ kind: 'verification', verification, id: (r?.id ?? 0) + 1 }));
  };

  /** The profile in use (or its listener) may have changed: its orders and status are shown afresh. */
  const onProfileChanged = useCallback(
    async (changed?: AppStatus) => {
      if (changed) showStatus(changed);
      const now = changed ?? (await refreshStatus());
      setGeneration((n) => n + 1);
      setCreated((link) => (link && now && link.profileName !== now.profileName ? null : link));
      if (changed) setAnnouncement(t.profileInUseAnnouncement(changed.profileName));
      return now;
    },
    [refreshStatus, showStatus, t],
  );

  /** This computer's new name is on its orders: the lists ask again, and the status says it. */
  const onCounterRenamed = useCallback(() => {
    void refreshStatus();
    setGeneration((n) => n + 1);
  }, [refreshStatus]);

  // The book was read afresh (another counter's changes could not be told one by one): so is the link on show.
  useEffect(
    () =>
      onPaydeskEvent('ordersResynced', () => {
        const ref = shownRef.current;
        if (!ref) return;
        void callPaydesk('getOrder', { ref }).then((reply) => {
          if (reply.ok) setCreated((link) => (link?.ref === reply.value.order.ref ? reply.value.order : link));
        });
      }),
    [],
  );

  async function finishWelcome(choice: 'sandbox' | 'connect'): Promise<AppError | null> {
    const reply = await callPaydesk('finishWelcome', { choice });
    if (!reply.ok) return reply.error;
    showStatus(reply.value);
    // The welcome goes with the button that had the focus: the sandbox is tried by making a link.
    if (choice === 'connect') open('settings', 'add-profile');
    else newLink();
    return null;
  }

  const scope = `${ready?.profileName ?? ''}|${generation}`;
  const panel = (id: Screen) => ({
    id: panelId(id),
    role: 'tabpanel',
    'aria-labelledby': tabId(id),
    hidden: screen !== id,
  });

  return (
    <ReturnWayProvider value={returnWay}>
      <div className="app">
        <ModeBanner
          state={statusState}
          onStatus={showStatus}
          onRefresh={refreshStatus}
          showOldListeners={screen !== 'settings'}
          returnNotice={
            unchecked !== null &&
            screen !== 'settings' && (
              <UncheckedReturnNotice
                returnUrl={unchecked}
                onCheck={returnWay.checkReturn}
                onDismiss={() => setUncheckedDismissed(unchecked)}
              />
            )
          }
        >
          <TabBar label="PayDesk" tabs={screens} selected={screen} onSelect={select} />
        </ModeBanner>
        {statusState.kind !== 'loading' && (
          <>
            {/* Each screen, and each part that shows what a gateway sent, fails on its own: never the whole window. */}
            <main className="workspace" {...panel('home')}>
              <PartBoundary part="the Home screen">
                {ready?.welcome && <WelcomeCard onChoose={finishWelcome} />}
                {/* Mounted while on show, so the figures are fresh each time Home is opened. */}
                {screen === 'home' && (
                  <Dashboard
                    scope={scope}
                    onNewLink={newLink}
                    onShowPending={showPending}
                    onShowVerification={showVerification}
                    onReconcile={() => open('reconcile')}
                  />
                )}
              </PartBoundary>
            </main>
            <main className="workspace" {...panel('payments')}>
              <PartBoundary part="the Payments screen">
                <div className="create-row">
                  <PaymentLinkForm
                    ref={saleForm}
                    onSending={() => setCreated(null)}
                    onCreated={onCreated}
                    onOpenSettings={() => open('settings', 'fix-base-url')}
                  />
                  <PartBoundary part="the payment link panel" resetKey={created?.ref}>
                    <PaymentLinkPanel order={created} onNextSale={newLink} onSameAmount={(minor) => saleForm.current?.sell(minor)} />
                  </PartBoundary>
                </div>
              </PartBoundary>
            </main>
            <main className="workspace orders-screen" {...panel('orders')}>
              <PartBoundary part="the Orders screen">
                {/* Always mounted: the first page is ready before the shopkeeper looks; while hidden, it notes changes and fetches when shown. */}
                <OrdersWorkspace scope={`${scope}|${imports}`} visible={screen === 'orders'} request={request} announce={setAnnouncement} />
              </PartBoundary>
            </main>
            <main className="workspace reconcile-screen" {...panel('reconcile')}>
              <PartBoundary part="the Reconcile screen">
                {/* Kept while PayDesk runs, so a statement half-mapped survives a look at the orders; a profile change starts afresh. */}
                <ReconcilePage
                  key={scope}
                  visible={screen === 'reconcile'}
                  onImported={() => setImports((n) => n + 1)}
                  onShowOrders={showVerification}
                  onOpenOrder={openOrder}
                  announce={setAnnouncement}
                />
              </PartBoundary>
            </main>
            <main className="workspace" {...panel('settings')}>
              <PartBoundary part="the Settings screen">
                {/* Mounted only while open, so Settings always shows the profiles as they are now. */}
                {screen === 'settings' && (
                  <SettingsPage
                    intent={settingsIntent}
                    status={ready}
                    onProfileChanged={onProfileChanged}
                    onStatus={showStatus}
                    onRefreshStatus={refreshStatus}
                    onCounterRenamed={onCounterRenamed}
                  />
                )}
              </PartBoundary>
            </main>
            <PartBoundary part="the payment toasts">
              <PaidToasts onOpen={openOrder} shownRef={screen === 'payments' ? (created?.ref ?? null) : null} />
            </PartBoundary>
          </>
        )}
        <Announcer message={announcement} />
      </div>
    </ReturnWayProvider>
  );
}
