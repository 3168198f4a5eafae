import { useState } from 'react';
import type { AppError, AppStatus, Counter, ProfileView } from '../../../shared/contract';
import { AboutSection, AboutShortcut } from '../about/about-section';
import { ErrorAlert } from '../error-alert';
import { OldListenersNotice } from '../status/old-listeners-notice';
import { DataText } from '../data-text';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { severalCounters, useCounters } from '../counters/use-counters';
import { CounterSettings } from './counter-settings';
import { DesktopSettings } from './desktop-settings';
import { OrderBookSettings } from './order-book-settings';
import { ProfileForm, type ProfileFormFocus } from './profile-form';
import { PreferencesForm } from './preferences-form';
import { ProfileList } from './profile-list';
import { RemoveProfileDialog } from './remove-profile-dialog';
import { SavedNotice } from './saved-notice';
import { ShopDetailsForm } from './shop-details-form';
import { ThisCounterForm } from './this-counter-form';
import { UpdateSettings } from './update-settings';
import { useProfiles } from './use-profiles';
import { VaultNotice } from './vault-notice';

/** Which profile the form holds: a new one, a named one, or (by default) the one in use. */
type Editing = { kind: 'new' } | { kind: 'edit'; name: string } | { kind: 'active' };

/**
 * Why Settings was opened: to add a profile ("Connect my gateway"), to fix the Base URL the gateway refused, to
 * choose where customers pay (a link warned that they cannot come back), or to check the return address.
 */
export type SettingsIntent = 'add-profile' | 'fix-base-url' | 'where-customers-pay' | 'check-return';

const FORM_FOCUS: Record<Exclude<SettingsIntent, 'add-profile'>, ProfileFormFocus> = {
  'fix-base-url': 'base-url',
  'where-customers-pay': 'where',
  'check-return': 'check-return',
};

type Props = {
  intent: SettingsIntent | null;
  status: AppStatus | null;
  /**
   * The profile in use, or its listener, may have changed: show `status` if the core sent one, else ask
   * again. Resolves to the status now on show.
   */
  onProfileChanged(status?: AppStatus): Promise<AppStatus | null>;
  /** Shows a status the core sent back (after stopping old listeners). */
  onStatus(status: AppStatus): void;
  /** Asks the core for the status again (an old listener closed by itself). */
  onRefreshStatus(): void;
  /** This computer got a new name, which its orders now show. */
  onCounterRenamed(counter: Counter): void;
};

/** Merchant profiles with their keys and return listener, and the shop's details for receipts. */
export function SettingsPage({ intent, status, onProfileChanged, onStatus, onRefreshStatus, onCounterRenamed }: Props) {
  const { t } = useLanguage();
  const profiles = useProfiles();
  const counters = useCounters('settings');
  const [editing, setEditing] = useState<Editing>(intent === 'add-profile' ? { kind: 'new' } : { kind: 'active' });
  const [notice, setNotice] = useState<{ name: string; status: AppStatus | null } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const current = profiles.profiles.filter((profile) => !profile.removed);
  const shown: ProfileView | null =
    editing.kind === 'new'
      ? null
      : (current.find((profile) => (editing.kind === 'edit' ? profile.name === editing.name : profile.active)) ??
        current.find((profile) => profile.active) ??
        null);
  const formOpen = editing.kind === 'new' || shown !== null;

  const open = (next: Editing) => {
    setEditing(next);
    setNotice(null);
    setError(null);
  };

  async function onSaved(saved: ProfileView) {
    await profiles.reload();
    setEditing({ kind: 'edit', name: saved.name });
    setNotice({ name: saved.name, status: saved.active ? await onProfileChanged() : null });
  }

  async function switchTo(name: string) {
    setSwitching(true);
    setError(null);
    const reply = await callPaydesk('switchProfile', { name });
    setSwitching(false);
    if (!reply.ok) return setError(reply.error);
    await onProfileChanged(reply.value);
    await profiles.reload();
    open({ kind: 'active' });
  }

  async function remove(name: string): Promise<AppError | null> {
    const reply = await callPaydesk('removeProfile', { name });
    if (!reply.ok) return reply.error;
    setRemoving(null);
    await profiles.reload();
    await onProfileChanged();
    if (shown?.name === name) open({ kind: 'active' });
    return null;
  }

  return (
    <div className="settings">
      <AboutShortcut />
      <section className="card" aria-labelledby="preferences-title">
        <h2 id="preferences-title">{t.preferencesTitle}</h2>
        <PreferencesForm />
      </section>

      <section className="card desktop-card" aria-labelledby="desktop-title">
        <h2 id="desktop-title">{t.desktopTitle}</h2>
        <DesktopSettings />
      </section>

      <section className="card this-counter-card" aria-labelledby="this-counter-title">
        <h2 id="this-counter-title">{t.thisCounterTitle}</h2>
        <p className="card-intro muted">{t.thisCounterIntro}</p>
        <ThisCounterForm key={status?.counter.id ?? ''} counter={status?.counter ?? null} onRenamed={onCounterRenamed} />
      </section>

      <section className="card counter-card" aria-labelledby="counter-title">
        <h2 id="counter-title">{t.amountsTitle}</h2>
        <p className="card-intro muted">{t.amountsIntro}</p>
        <CounterSettings />
      </section>

      <div className="settings-grid">
        <section className="card" aria-labelledby="profiles-title">
          <div className="panel-head">
            <h2 id="profiles-title">{t.merchantProfiles}</h2>
            <button type="button" className="secondary" onClick={() => open({ kind: 'new' })}>
              {t.addProfile}
            </button>
          </div>
          {profiles.error && <ErrorAlert error={profiles.error} />}
          {error && <ErrorAlert error={error} />}
          {profiles.loading ? (
            <p className="muted">{t.loadingProfiles}</p>
          ) : (
            <ProfileList
              profiles={profiles.profiles}
              editing={editing.kind === 'new' ? null : (shown?.name ?? null)}
              busy={switching}
              onSwitch={switchTo}
              onEdit={(name) => open({ kind: 'edit', name })}
              onRemove={setRemoving}
            />
          )}
          {profiles.vault && <VaultNotice vault={profiles.vault} onChanged={profiles.reload} />}
        </section>

        <section className="card" aria-labelledby="profile-form-title">
          <h2 id="profile-form-title">
            {editing.kind === 'new' ? (
              t.addAProfile
            ) : shown ? (
              // The profile's name is data, the same in every language.
              <>
                {t.profile} <span translate="no">“{shown.name}”</span>
              </>
            ) : (
              t.profile
            )}
          </h2>
          {formOpen ? (
            <ProfileForm
              key={shown ? `edit-${shown.name}` : 'new'}
              profile={shown}
              protection={profiles.vault?.protection}
              sharedBook={severalCounters(counters)}
              status={status}
              focus={intent && intent !== 'add-profile' && editing.kind === 'active' ? FORM_FOCUS[intent] : null}
              onSaved={onSaved}
              onCancel={() => open({ kind: 'active' })}
              onRefreshStatus={onRefreshStatus}
            />
          ) : (
            !profiles.loading && <p className="muted">{t.chooseProfile}</p>
          )}
          {notice && shown?.name === notice.name && <SavedNotice name={notice.name} status={notice.status} />}
          {/* Here rather than in the header while Settings is open: it follows a move of the listener, below the form. */}
          {status && status.oldListeners.length > 0 && (
            <OldListenersNotice listeners={status.oldListeners} onStopped={onStatus} onExpired={onRefreshStatus} />
          )}
        </section>
      </div>

      <section className="card shop-card" aria-labelledby="shop-title">
        <h2 id="shop-title">{t.shopDetails}</h2>
        <p className="card-intro muted">{t.shopDetailsIntro}</p>
        <ShopDetailsForm />
      </section>

      <section className="card order-book-card" aria-labelledby="order-book-title">
        <h2 id="order-book-title">{t.orderBookTitle}</h2>
        <p className="card-intro muted">
          <DataText text={t.orderBookIntro} data={['PostgreSQL']} />
        </p>
        <OrderBookSettings />
      </section>

      <section className="card updates-card" aria-labelledby="updates-title">
        <h2 id="updates-title">{t.updatesTitle}</h2>
        <p className="card-intro muted">{t.updatesIntro}</p>
        <UpdateSettings />
      </section>

      <AboutSection />

      {removing && <RemoveProfileDialog name={removing} onConfirm={() => remove(removing)} onClose={() => setRemoving(null)} />}
    </div>
  );
}
