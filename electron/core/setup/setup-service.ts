// The shop's setup: merchant profiles and their keys, the return listener, shop details, first start.
// Kept apart from the order use-cases (orders/orders-service.ts): it changes what runs, not what was sold.
import type { z } from 'zod';
import { DEFAULT_LISTEN_HOST, DEFAULT_LISTEN_PORT } from '../../../shared/contract';
import type {
  ApiKeyInput,
  AppStatus,
  BindAddress,
  ConnectionReport,
  Counter,
  Message,
  PhoneTest,
  Preferences,
  ProfileView,
  Reply,
  ReturnCheckReport,
  SaveProfileInput,
  ShopDetails,
  ShopDetailsInput,
  TunnelStatus,
  VaultStatus,
} from '../../../shared/contract';
import type { Language } from '../../../shared/messages/catalog';
import { render, say } from '../../../shared/messages/say';
import { appError, fail, ok } from '../app-error';
import type { Profile, ProfilesRepo } from '../storage/profiles-repo';
import { exposureWarning } from '../listener/bind-addresses';
import { returnReach } from '../listener/return-reach';
import type { TunnelControl } from '../listener/tunnel';
import { isLoopbackHost } from '../values/loopback';
import { originOf } from '../values/web-address';
import type { Confirmation } from '../platform';
import type { CountersRepo } from '../storage/counters-repo';
import type { SettingsRepo } from '../storage/settings-repo';
import type { PreferencesStore } from './preferences';
import type { RuntimeControl } from '../runtime';
import type { ShopStore } from './shop';
import type { Vault } from './api-key-vault';
import type { CoreEvents } from '../core-events';
import type { EventBus } from '../event-bus';
import { OrderBookUnreachable } from '../storage/order-book-unreachable';

export const SANDBOX_PROFILE = 'sandbox';
/** The return address a return check last heard this counter through, per profile (a counter setting). */
export const returnCheckedKey = (profileId: number) => `returnChecked:${profileId}`;
const WELCOMED = 'welcomed';
/** Set once this counter's shopkeeper was told why closing the window keeps PayDesk running (a counter setting). */
export const KEEP_RUNNING_EXPLAINED = 'keepRunningExplained';

export type SetupDeps = {
  profiles: ProfilesRepo;
  /** The shop's settings, which every counter shares. */
  settings: SettingsRepo;
  /** This counter's own settings (counters-repo.ts): what it checked and was told. */
  counterSettings: SettingsRepo;
  /** The counters of the book, and which one this is. */
  counters: CountersRepo;
  counterId: string;
  vault: Vault;
  runtime: RuntimeControl;
  tunnel: TunnelControl;
  shop: ShopStore;
  preferences: PreferencesStore;
  events: Pick<EventBus<CoreEvents>, 'emit'>;
  checkConnection(baseUrl: string, mode: 'live' | 'sandbox'): Promise<ConnectionReport>;
  listBindAddresses(): BindAddress[];
  /** Returns in this counter's local journal, waiting for the shared order book (0 on a book that is never away). */
  waitingReturns?: () => number;
};

export type SetupService = ReturnType<typeof createSetupService>;

/** The shopkeeper's answer to a question the main process asks (platform.confirm); the CLI's user is at the keyboard already. */
export type Confirm = (question: Confirmation) => Promise<boolean>;

const originOrNull = (url: string | null) => (url === null ? null : originOf(url));

/** A question put in the shop's language: the core renders it, the desktop that asks it holds no words. */
function question(
  language: Language,
  words: { title: Message; message: Message; detail: Message | null; confirmLabel: Message },
): Confirmation {
  const said = (message: Message | null) => (message === null ? '' : render(message, language));
  return {
    title: said(words.title),
    message: said(words.message),
    detail: said(words.detail),
    confirmLabel: said(words.confirmLabel),
    cancelLabel: said(say('confirm_cancel')),
  };
}

/**
 * What a profile change would send somewhere new, as questions only the shopkeeper can answer: customers'
 * return secrets to a new return base, or the listener opened beyond this computer.
 */
function riskyChanges(
  before: Profile | null,
  after: { mode: Profile['mode']; baseUrl: string; returnBaseUrl: string | null; listenHost: string },
  language: Language,
): Confirmation[] {
  const questions: Confirmation[] = [];
  // Else a page could point a profile anywhere and have Check connection probe it: a scanner of the shop's network.
  if (after.mode === 'live' && originOf(after.baseUrl) !== originOrNull(before?.baseUrl ?? null)) {
    questions.push(
      question(language, {
        title: say('confirm_gateway_title'),
        message: say('confirm_gateway_message', { origin: originOf(after.baseUrl) }),
        detail: say('confirm_gateway_detail'),
        confirmLabel: say('confirm_gateway_label'),
      }),
    );
  }
  if (after.returnBaseUrl !== null && originOf(after.returnBaseUrl) !== originOrNull(before?.returnBaseUrl ?? null)) {
    questions.push(
      question(language, {
        title: say('confirm_return_title'),
        message: say('confirm_return_message', { origin: originOf(after.returnBaseUrl) }),
        detail: say('confirm_return_detail'),
        confirmLabel: say('confirm_return_label'),
      }),
    );
  }
  if (!isLoopbackHost(after.listenHost) && after.listenHost !== before?.listenHost) {
    questions.push(
      question(language, {
        title: say('confirm_listen_title'),
        message: say('confirm_listen_message', { host: after.listenHost }),
        detail: exposureWarning(after.listenHost),
        confirmLabel: say('confirm_listen_label'),
      }),
    );
  }
  return questions;
}

export function createSetupService(deps: SetupDeps) {
  const { profiles, settings, counterSettings, vault, runtime, tunnel } = deps;

  const counterOf = (stored: { id: string; name: string }): Counter => ({ ...stored, thisOne: stored.id === deps.counterId });
  const thisCounter = async (): Promise<Counter> => {
    const found = (await deps.counters.list()).find((counter) => counter.id === deps.counterId);
    if (!found) throw new Error(`This counter (${deps.counterId}) is not enrolled in the order book.`);
    return counterOf(found);
  };

  /** `activeId`: the active profile's id, when the caller has read it already. */
  const view = async (profile: Profile, activeId?: number | null): Promise<ProfileView> => ({
    name: profile.name,
    mode: profile.mode,
    baseUrl: profile.baseUrl,
    listenHost: profile.listenHost,
    listenPort: profile.listenPort,
    returnBaseUrl: profile.returnBaseUrl,
    active: (activeId === undefined ? (await profiles.active())?.id : activeId) === profile.id,
    removed: profile.removed,
    apiKey: profile.mode === 'sandbox' ? { state: 'not_needed', hint: null, heldElsewhere: [] } : await vault.state(profile),
  });

  /** The status last read whole, for while the shared book cannot be reached. */
  let lastRead: AppStatus | null = null;
  const status = async (): Promise<Reply<AppStatus>> => {
    try {
      const read = await readStatus();
      if (read.ok) lastRead = read.value;
      return read;
    } catch (error) {
      // The shared book's server is away: the header still shows what runs on this computer and how many payments
      // wait in its journal, with the book's part as it was last read.
      if (!(error instanceof OrderBookUnreachable) || !lastRead) throw error;
      const state = runtime.state();
      return ok({
        ...lastRead,
        returnUrl: state.returnBaseUrl,
        listenerProblem: state.listenerProblem,
        listenerWarning: state.listenerWarning,
        oldListeners: state.oldListeners,
        waitingReturns: deps.waitingReturns?.() ?? 0,
      });
    }
  };
  const readStatus = async (): Promise<Reply<AppStatus>> => {
    const profile = await profiles.active();
    if (!profile) return fail(noActiveProfile());
    const state = runtime.state();
    const welcomed = (await settings.get<boolean>(WELCOMED)) === true;
    const checked = await counterSettings.get<string>(returnCheckedKey(profile.id));
    return ok({
      mode: profile.mode,
      profileName: profile.name,
      returnUrl: state.returnBaseUrl,
      listenerProblem: state.listenerProblem,
      listenerWarning: state.listenerWarning,
      sandboxUrl: profile.mode === 'sandbox' ? state.sandboxUrl : null,
      welcome: !welcomed && !(await profiles.list()).some((p) => p.mode === 'live'),
      oldListeners: state.oldListeners,
      returnReach: state.returnBaseUrl
        ? returnReach(
            state.returnBaseUrl,
            profile.returnBaseUrl !== null,
            deps.listBindAddresses().map((a) => a.address),
          )
        : null,
      returnChecked: state.returnBaseUrl !== null && checked === state.returnBaseUrl,
      tunnel: await tunnel.status(profile),
      counter: await thisCounter(),
      waitingReturns: deps.waitingReturns?.() ?? 0,
    });
  };

  const activate = async (profile: Profile): Promise<Reply<AppStatus>> => {
    await profiles.setActive(profile.id);
    await settings.set(WELCOMED, true);
    await tunnel.follow(await runtime.apply(profile));
    return status();
  };

  const notFound = (name: string) => fail(appError('not_found', say('profile_not_found', { name })));
  const language = () => deps.preferences.get().language;

  return {
    status,

    async finishWelcome(choice: 'sandbox' | 'connect'): Promise<Reply<AppStatus>> {
      await settings.set(WELCOMED, true);
      return choice === 'sandbox' ? activate(await sandboxProfile(profiles)) : status();
    },

    async listProfiles(): Promise<Reply<{ profiles: ProfileView[]; vault: VaultStatus }>> {
      const activeId = (await profiles.active())?.id ?? null;
      const all = await profiles.list({ includeRemoved: true });
      return ok({ profiles: await Promise.all(all.map((profile) => view(profile, activeId))), vault: await vault.status() });
    },

    async saveProfile({ originalName, profile: input }: z.output<typeof SaveProfileInput>, confirm: Confirm): Promise<Reply<ProfileView>> {
      const existing = originalName === undefined ? null : await profiles.findByName(originalName);
      if (originalName !== undefined && !existing) return notFound(originalName);
      const clash = await profiles.findByName(input.name);
      if (clash && clash.id !== existing?.id) {
        return fail(appError('invalid_input', say('profile_name_taken', { name: input.name }), { field: 'profile.name' }));
      }
      if (existing?.mode === 'sandbox' && (input.mode !== 'sandbox' || input.name !== existing.name)) {
        return fail(appError('invalid_input', say('sandbox_keeps_name'), { field: 'profile.mode' }));
      }
      // The sandbox is the built-in gateway: a second one would be a profile whose Base URL the page chose
      // without a question, and Check connection would probe it.
      if (!existing && input.mode === 'sandbox') {
        return fail(appError('invalid_input', say('sandbox_only_one'), { field: 'profile.mode' }));
      }
      // Orders are sandbox or live by their profile: a profile that changed mode would relabel its money.
      if (existing && input.mode !== existing.mode) {
        return fail(appError('invalid_input', say('profile_mode_fixed'), { field: 'profile.mode' }));
      }
      const fields = {
        name: input.name,
        mode: input.mode,
        // A sandbox's Base URL is the built-in gateway's, set when it starts.
        baseUrl: input.mode === 'sandbox' ? (existing?.baseUrl ?? input.baseUrl) : input.baseUrl,
        listenHost: input.listenHost,
        listenPort: input.listenPort,
        returnBaseUrl: input.returnBaseUrl ?? null,
      };
      for (const asked of riskyChanges(existing, fields, language())) {
        if (!(await confirm(asked))) return fail(appError('forbidden', say('change_not_confirmed', { title: asked.title })));
      }
      const { mode: _mode, ...changes } = fields;
      const saved = existing ? await profiles.update(existing.id, changes) : await profiles.add(fields);
      if ((await profiles.active())?.id === saved.id) await tunnel.follow(await runtime.apply(saved));
      return ok(await view(await profiles.get(saved.id)));
    },

    async removeProfile(name: string): Promise<Reply<Record<string, never>>> {
      const profile = await profiles.findByName(name);
      if (!profile) return notFound(name);
      if (profile.mode === 'sandbox') {
        return fail(appError('forbidden', say('sandbox_not_removable')));
      }
      if ((await profiles.active())?.id === profile.id) await activate(await sandboxProfile(profiles));
      await vault.forget(profile);
      await profiles.remove(profile.id);
      return ok({});
    },

    async switchProfile(name: string): Promise<Reply<AppStatus>> {
      const profile = await profiles.findByName(name);
      return profile ? activate(profile) : notFound(name);
    },

    async setApiKey({ profileName, apiKey }: z.output<typeof ApiKeyInput>): Promise<Reply<ProfileView>> {
      const profile = await profiles.findByName(profileName);
      if (!profile) return notFound(profileName);
      if (profile.mode === 'sandbox') {
        return fail(appError('invalid_input', say('sandbox_needs_no_key'), { field: 'apiKey' }));
      }
      await vault.save(profile, apiKey);
      return ok(await view(profile));
    },

    /** Keeping keys under weak protection is the shopkeeper's choice, asked by the main process, never the page's. */
    async acceptWeakKeyStorage(accept: boolean, confirm: Confirm): Promise<Reply<VaultStatus>> {
      if (accept && !(await vault.status()).weakAccepted) {
        const agreed = await confirm(
          question(language(), {
            title: say('confirm_weak_title'),
            message: say('confirm_weak_message'),
            detail: say('confirm_weak_detail'),
            confirmLabel: say('confirm_weak_label'),
          }),
        );
        if (!agreed) return ok(await vault.status());
      }
      return ok(await vault.acceptWeakStorage(accept));
    },

    /** Only a saved profile's own Base URL: the page cannot make PayDesk probe addresses of its choosing. */
    async checkConnection(profileName: string): Promise<Reply<ConnectionReport>> {
      const profile = await profiles.findByName(profileName);
      if (!profile) return notFound(profileName);
      return ok(await deps.checkConnection(profile.baseUrl, profile.mode));
    },

    /** The active profile's return address as links carry it; whether it was heard is remembered for the status. */
    async checkReturnAddress(): Promise<Reply<ReturnCheckReport>> {
      const profile = await profiles.active();
      if (!profile) return fail(noActiveProfile());
      const report = await runtime.checkReturnAddress();
      if (report.ok && report.url !== null) await counterSettings.set(returnCheckedKey(profile.id), report.url);
      else await counterSettings.delete(returnCheckedKey(profile.id));
      return ok(report);
    },

    startPhoneTest(): Reply<PhoneTest> {
      const started = runtime.startPhoneTest();
      return started.ok ? ok(started.test) : fail(appError('not_configured', started.message));
    },

    /** The tunnel runs for the profile in use, which must have the public return address it serves. */
    async startTunnel(name: string): Promise<Reply<TunnelStatus>> {
      const profile = await profiles.active();
      if (!profile) return fail(noActiveProfile());
      const started = await tunnel.start(profile, name);
      if (started.ok) return ok(started.status);
      return fail(appError(started.field ? 'invalid_input' : 'not_configured', started.message, { field: started.field }));
    },

    async stopTunnel(): Promise<Reply<TunnelStatus>> {
      const profile = await profiles.active();
      if (!profile) return fail(noActiveProfile());
      return ok(await tunnel.stop(profile));
    },

    async stopOldListeners(): Promise<Reply<AppStatus>> {
      await runtime.stopOldListeners();
      return status();
    },

    listBindAddresses(): Reply<{ addresses: BindAddress[] }> {
      return ok({ addresses: deps.listBindAddresses() });
    },

    getShopDetails: async (): Promise<Reply<ShopDetails>> => ok(await deps.shop.get()),
    saveShopDetails: async (input: z.output<typeof ShopDetailsInput>): Promise<Reply<ShopDetails>> => ok(await deps.shop.save(input)),
    async setShopLogo(bytes: Uint8Array): Promise<Reply<ShopDetails>> {
      const result = await deps.shop.setLogo(bytes);
      return result.ok ? ok(result.shop) : fail(appError('invalid_input', result.message, { field: 'logo' }));
    },
    removeShopLogo: async (): Promise<Reply<ShopDetails>> => ok(await deps.shop.removeLogo()),
    getPreferences: (): Reply<Preferences> => ok(deps.preferences.get()),
    async savePreferences(preferences: Preferences): Promise<Reply<Preferences>> {
      const saved = await deps.preferences.save(preferences);
      deps.events.emit('preferencesChanged', saved);
      return ok(saved);
    },
    /**
     * Whether closing the window should now say why PayDesk keeps running: true the first time only. Remembered in the
     * order book, as this counter's own setting, so the desktop keeps no file of its own.
     */
    async firstKeepRunningNotice(): Promise<boolean> {
      if ((await counterSettings.get<boolean>(KEEP_RUNNING_EXPLAINED)) === true) return false;
      await counterSettings.set(KEEP_RUNNING_EXPLAINED, true);
      return true;
    },

    /** Every counter on the order book, this one marked. */
    async listCounters(): Promise<Reply<Counter[]>> {
      return ok((await deps.counters.list()).map(counterOf));
    },

    /** Settings › This counter: a name no other counter has (in any letter case). */
    async renameCounter(name: string): Promise<Reply<Counter>> {
      const renamed = await deps.counters.rename(deps.counterId, name);
      if (!renamed) return fail(appError('invalid_input', say('counter_name_taken', { name }), { field: 'name' }));
      return ok(counterOf(renamed));
    },
  };
}

const noActiveProfile = () => appError('not_configured', say('no_active_profile'));

/** The sandbox profile, made on first use. */
export async function sandboxProfile(profiles: ProfilesRepo): Promise<Profile> {
  return (
    (await profiles.findByName(SANDBOX_PROFILE)) ??
    (await profiles.add({
      name: SANDBOX_PROFILE,
      mode: 'sandbox',
      baseUrl: 'http://127.0.0.1/api',
      listenHost: DEFAULT_LISTEN_HOST,
      listenPort: DEFAULT_LISTEN_PORT,
      returnBaseUrl: null,
    }))
  );
}
