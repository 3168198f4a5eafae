// Channel → handler table, shared by Electron's ipcMain and the tests' browser bridge. It checks the
// sender first, then validates the request and the reply against the contract: a handler never sees
// an unvalidated payload, and the renderer never sees a field the contract does not name.
import { channels, replySchema, type Channel, type ChannelRequest, type ChannelValue, type Reply } from '../../shared/contract';
import type { Language } from '../../shared/messages/catalog';
import { render, say } from '../../shared/messages/say';
import { appError, fail, ok } from './app-error';
import { writeFileAtomically } from './files/atomic-file';
import { refusalOf } from './input-refusal';
import { paymentLinkProblem } from './values/payment-link';
import { basename } from 'node:path';
import type { ExportsService, Finished } from './exports/exports-service';
import type { Platform } from './platform';
import type { OrdersService } from './orders/orders-service';
import type { ReconciliationService } from './reconciliation/reconciliation-service';
import type { SetupService } from './setup/setup-service';

export type Sender = { url: string; isMainFrame: boolean };

export type RouterDeps = {
  service: OrdersService;
  reconciliation: ReconciliationService;
  setup: SetupService;
  exports: ExportsService;
  platform: Platform;
  /** True only for the app's own page in its main frame. */
  isTrustedSender(sender: Sender): boolean;
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
  claimAtCounter: ({ ref, transactionId }, { service }) => service.claimAtCounter(ref, transactionId),
  getDashboard: (_request, { service }) => service.dashboard(),
  getPreferences: (_request, { setup }) => setup.getPreferences(),
  savePreferences: (request, { setup }) => setup.savePreferences(request),
  async openPaymentPage({ ref }, { service, platform }) {
    const url = service.findOrder(ref)?.paymentUrl;
    if (!url) return fail(appError('not_found', say('open_payment_link_missing', { ref })));
    if (paymentLinkProblem(url) !== null) return fail(appError('forbidden', say('open_payment_link_not_web')));
    await platform.openExternal(url);
    return ok({});
  },
  async previewReceipt({ ref, layout }, { exports, platform }) {
    const receipt = exports.receipt(ref, layout);
    if (!receipt.ok) return receipt;
    await platform.preview(receipt.value.html, receipt.value.title);
    return ok({});
  },
  async printReceipt({ ref, layout }, { exports, platform }) {
    const receipt = exports.receipt(ref, layout);
    if (!receipt.ok) return receipt;
    await platform.print(receipt.value.html);
    return ok({});
  },
  async saveReceiptPdf({ ref, layout }, { exports, platform, setup }) {
    const receipt = exports.receipt(ref, layout);
    if (!receipt.ok) return receipt;
    const file = await platform.chooseSaveFile({
      title: words(setup, 'dialog_save_receipt_pdf'),
      defaultName: receipt.value.fileName,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!file) return ok(NOT_SAVED);
    await writeFileAtomically(file, await platform.pdf.pdf(receipt.value.html));
    return ok({ saved: true, count: 1, fileName: basename(file), cancelled: false });
  },
  exportOrdersCsv: ({ filter }, { exports, platform, setup }) =>
    exports.exclusive(async (signal) => {
      const file = await platform.chooseSaveFile({
        title: words(setup, 'dialog_export_csv'),
        defaultName: `paydesk-orders-${new Date().toISOString().slice(0, 10)}.csv`,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (!file) return ok(NOT_SAVED);
      return saved(file, signal.aborted ? CANCELLED : await exports.exportCsv(filter, file, signal));
    }),
  exportReceipts: ({ filter, layout, mode }, { exports, platform, setup }) =>
    exports.exclusive(async (signal) => {
      const refusal = exports.receiptsRefusal(filter);
      if (refusal) return fail(refusal);
      const date = new Date().toISOString().slice(0, 10);
      const target =
        mode === 'combined'
          ? await platform
              .chooseSaveFile({
                title: words(setup, 'dialog_save_receipts_pdf'),
                defaultName: `paydesk-receipts-${date}.pdf`,
                filters: [{ name: 'PDF', extensions: ['pdf'] }],
              })
              .then((file) => (file ? { kind: 'combined' as const, file } : null))
          : await platform
              .chooseFolder(words(setup, 'dialog_receipts_folder'))
              .then((folder) => (folder ? { kind: 'per-order' as const, folder } : null));
      if (!target) return ok(NOT_SAVED);
      const where = target.kind === 'combined' ? target.file : target.folder;
      return saved(where, signal.aborted ? CANCELLED : await exports.exportReceipts(filter, layout, target, platform, signal));
    }),
  cancelExport(_request, { exports }) {
    exports.cancel();
    return ok({});
  },
  async chooseStatement(_request, { reconciliation, platform, setup }) {
    const file = await platform.chooseStatementFile({
      title: words(setup, 'dialog_choose_statement'),
      filesName: words(setup, 'dialog_statement_files'),
    });
    return file ? reconciliation.preview(file) : ok(null);
  },
  importStatement: ({ token, mapping }, { reconciliation }) => reconciliation.importStatement(token, mapping),
  listUnclaimed: (_request, { reconciliation }) => reconciliation.listUnclaimed(),
  attachStatementLine: ({ lineId, ref }, { reconciliation }) => reconciliation.attach(lineId, ref),
  recordStatementLine: ({ lineId, customerName }, { reconciliation }) => reconciliation.record(lineId, customerName),
  finishWelcome: ({ choice }, { setup }) => setup.finishWelcome(choice),
  listProfiles: (_request, { setup }) => setup.listProfiles(),
  saveProfile: (request, { setup, platform }) => setup.saveProfile(request, (question) => platform.confirm(question)),
  removeProfile: ({ name }, { setup }) => setup.removeProfile(name),
  switchProfile: ({ name }, { setup }) => setup.switchProfile(name),
  setApiKey: (request, { setup }) => setup.setApiKey(request),
  acceptWeakKeyStorage: ({ accept }, { setup, platform }) => setup.acceptWeakKeyStorage(accept, (question) => platform.confirm(question)),
  checkConnection: ({ profileName }, { setup }) => setup.checkConnection(profileName),
  stopOldListeners: (_request, { setup }) => setup.stopOldListeners(),
  checkReturnAddress: (_request, { setup }) => setup.checkReturnAddress(),
  startPhoneTest: (_request, { setup }) => setup.startPhoneTest(),
  startTunnel: ({ name }, { setup }) => setup.startTunnel(name),
  stopTunnel: (_request, { setup }) => setup.stopTunnel(),
  listBindAddresses: (_request, { setup }) => setup.listBindAddresses(),
  getShopDetails: (_request, { setup }) => setup.getShopDetails(),
  saveShopDetails: (request, { setup }) => setup.saveShopDetails(request),
  async chooseShopLogo(_request, { setup, platform }) {
    const bytes = await platform.chooseLogoFile({
      title: words(setup, 'dialog_choose_logo'),
      filesName: words(setup, 'dialog_logo_files'),
    });
    return bytes ? setup.setShopLogo(bytes) : setup.getShopDetails();
  },
  removeShopLogo: (_request, { setup }) => setup.removeShopLogo(),
};

/** A dialog's words in the shop's language (English where the preferences cannot be read). */
function words(setup: SetupService, code: DialogWords): string {
  const preferences = setup.getPreferences();
  const language: Language = preferences.ok ? preferences.value.language : 'en';
  return render(say(code), language);
}

type DialogWords =
  | 'dialog_save_receipt_pdf'
  | 'dialog_save_receipts_pdf'
  | 'dialog_receipts_folder'
  | 'dialog_export_csv'
  | 'dialog_choose_statement'
  | 'dialog_statement_files'
  | 'dialog_choose_logo'
  | 'dialog_logo_files';

const NOT_SAVED = { saved: false, count: 0, fileName: null, cancelled: false };
const CANCELLED: Reply<Finished> = { ok: true, value: { count: 0, cancelled: true } };

/** An export's reply: where it went, or that it was cancelled and left nothing. */
function saved(path: string, result: Reply<Finished>) {
  if (!result.ok) return result;
  return ok(
    result.value.cancelled
      ? { saved: false, count: 0, fileName: null, cancelled: true }
      : { saved: true, count: result.value.count, fileName: basename(path), cancelled: false },
  );
}

const isChannel = (name: string): name is Channel => Object.hasOwn(channels, name);

export type RouterOptions = {
  /**
   * Sees each handler's reply before the contract parses it. The parse strips fields the contract does not
   * name, so this is how a test catches a handler that returns one (test/integration/contract-promise.test.ts).
   */
  observeReply?(channel: Channel, reply: Reply<unknown>): void;
};

export function createRouter(deps: RouterDeps, { observeReply }: RouterOptions = {}): Router {
  return {
    async handle(name, payload, sender) {
      if (!isChannel(name)) return fail(appError('not_found', say('unknown_operation', { name })));
      if (!deps.isTrustedSender(sender)) return fail(appError('forbidden', say('untrusted_sender')));
      const request = channels[name].request.safeParse(payload ?? {});
      if (!request.success) return fail(refusalOf(request.error.issues[0]));
      try {
        const handler = handlers[name] as (request: unknown, deps: RouterDeps) => Promise<Reply<unknown>>;
        const reply = await handler(request.data, deps);
        observeReply?.(name, reply);
        return replySchema(channels[name].value).parse(reply) as Reply<unknown>;
      } catch (error) {
        console.error(`PayDesk: ${name} failed:`, error instanceof Error ? error.message : error);
        return fail(appError('internal', say('internal_error')));
      }
    },
  };
}
