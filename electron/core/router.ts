// Channel → handler table, shared by Electron's ipcMain and the tests' browser bridge. It checks the
// sender first, then validates the request and the reply against the contract: a handler never sees
// an unvalidated payload, and the renderer never sees a field the contract does not name.
import {
  channels,
  replySchema,
  type Channel,
  type ChannelRequest,
  type ChannelValue,
  type Reply,
} from '../../shared/contract';
import { appError, fail, ok } from './app-error';
import type { PaydeskService } from './service';
import type { SetupService } from './setup-service';

export type Sender = { url: string; isMainFrame: boolean };

export type RouterDeps = {
  service: PaydeskService;
  setup: SetupService;
  /** True only for the app's own page in its main frame. */
  isTrustedSender(sender: Sender): boolean;
  /** Opens an http(s) URL in the system browser. */
  openExternal(url: string): Promise<void>;
  /** Shows the system's open-file dialog for an image; null when the shopkeeper cancels. */
  chooseLogoFile(): Promise<Uint8Array | null>;
};

export type Router = { handle(channel: string, payload: unknown, sender: Sender): Promise<Reply<unknown>> };

type Handlers = {
  [C in Channel]: (request: ChannelRequest<C>, deps: RouterDeps) => Reply<ChannelValue<C>> | Promise<Reply<ChannelValue<C>>>;
};

const handlers: Handlers = {
  getStatus: (_request, { setup }) => setup.status(),
  createPaymentLink: (request, { service }) => service.createPaymentLink(request),
  listOrders: (request, { service }) => ok(service.listOrders(request)),
  getOrder: ({ ref }, { service }) => service.getOrder(ref),
  cancelOrder: ({ ref }, { service }) => service.cancelOrder(ref),
  markPaidManually: ({ ref, reason }, { service }) => service.markPaidManually(ref, reason),
  getDashboard: (_request, { service }) => service.dashboard(),
  getPreferences: (_request, { setup }) => setup.getPreferences(),
  savePreferences: (request, { setup }) => setup.savePreferences(request),
  async openPaymentPage({ ref }, { service, openExternal }) {
    const url = service.findOrder(ref)?.paymentUrl;
    if (!url) return fail(appError('not_found', `Order ${ref} has no payment link to open.`));
    if (!/^https?:$/.test(new URL(url).protocol)) {
      return fail(appError('forbidden', 'PayDesk only opens web (http or https) payment links.'));
    }
    await openExternal(url);
    return ok({});
  },
  finishWelcome: ({ choice }, { setup }) => setup.finishWelcome(choice),
  listProfiles: (_request, { setup }) => setup.listProfiles(),
  saveProfile: (request, { setup }) => setup.saveProfile(request),
  removeProfile: ({ name }, { setup }) => setup.removeProfile(name),
  switchProfile: ({ name }, { setup }) => setup.switchProfile(name),
  setApiKey: (request, { setup }) => setup.setApiKey(request),
  acceptWeakKeyStorage: ({ accept }, { setup }) => setup.acceptWeakKeyStorage(accept),
  checkConnection: ({ baseUrl, mode }, { setup }) => setup.checkConnection(baseUrl, mode),
  listBindAddresses: (_request, { setup }) => setup.listBindAddresses(),
  getShopDetails: (_request, { setup }) => setup.getShopDetails(),
  saveShopDetails: (request, { setup }) => setup.saveShopDetails(request),
  async chooseShopLogo(_request, { setup, chooseLogoFile }) {
    const bytes = await chooseLogoFile();
    return bytes ? setup.setShopLogo(bytes) : setup.getShopDetails();
  },
  removeShopLogo: (_request, { setup }) => setup.removeShopLogo(),
};

const isChannel = (name: string): name is Channel => Object.hasOwn(channels, name);

export function createRouter(deps: RouterDeps): Router {
  return {
    async handle(name, payload, sender) {
      if (!isChannel(name)) return fail(appError('not_found', `PayDesk has no operation called “${name}”.`));
      if (!deps.isTrustedSender(sender)) {
        return fail(appError('forbidden', 'This request did not come from the PayDesk window, so it was refused.'));
      }
      const request = channels[name].request.safeParse(payload ?? {});
      if (!request.success) {
        const issue = request.error.issues[0];
        const field = issue?.path.map(String).join('.') || null;
        return fail(appError('invalid_input', issue?.message ?? 'That input is not valid.', { field }));
      }
      try {
        const handler = handlers[name] as (request: unknown, deps: RouterDeps) => Promise<Reply<unknown>>;
        const reply = await handler(request.data, deps);
        return replySchema(channels[name].value).parse(reply) as Reply<unknown>;
      } catch (error) {
        console.error(`PayDesk: ${name} failed:`, error instanceof Error ? error.message : error);
        return fail(appError('internal', 'Something went wrong inside PayDesk. Nothing was sent; please try again.'));
      }
    },
  };
}
