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
import { shareLinkUrl } from './values/share-link';
import { renderQrSign } from './exports/qr-sign-html';
import { mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CustomerDisplayService } from './counter/customer-display';
import type { ClosingService } from './closing/closing-service';
import type { ExportsService, Finished } from './exports/exports-service';
import type { Platform } from './platform';
import type { OrdersService } from './orders/orders-service';
import { CountSuperseded } from './storage/order-book';
import { OrderBookUnreachable } from './storage/order-book-unreachable';
import type { ReconciliationService } from './reconciliation/reconciliation-service';
import type { OrderBookService } from './setup/order-book-service';
import type { SetupService } from './setup/setup-service';
import type { UpdateChecker } from './updates/update-check';
import { errorText } from './log/log';
import type { SupportService } from './log/support';

export type Sender = { url: string; isMainFrame: boolean };

export type RouterDeps = {
  service: OrdersService;
  reconciliation: ReconciliationService;
  setup: SetupService;
  exports: ExportsService;
  closing: ClosingService;
  customerDisplay: CustomerDisplayService;
  /** Help › About, the folders and the diagnostics; its log hears of every handler that failed. */
  support: SupportService;
  /** The release feed checks (they only tell; nothing is downloaded). */
  updates: UpdateChecker;
  /** Settings › Order book: which book this computer opens, checked and filled before it is chosen. */
  orderBook: OrderBookService;
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
  async createPaymentLink(request, { service, customerDisplay }) {
    await customerDisplay.linkRequested();
    const reply = await service.createPaymentLink(request);
    if (reply.ok) await customerDisplay.linkMade(reply.value);
    return reply;
  },
  listOrders: async (request, { service }) => ok(await service.listOrders(request)),
  async countOrders(request, { service }) {
    try {
      return ok(await service.countOrders(request));
    } catch (error) {
      // Replaced by a newer count before it started: the list that asked shows only the newer one's totals.
      if (error instanceof CountSuperseded) return fail(appError('internal', say('internal_error')));
      throw error;
    }
  },
  getOrder: ({ ref }, { service }) => service.getOrder(ref),
  cancelOrder: ({ ref }, { service }) => service.cancelOrder(ref),
  markPaidManually: ({ ref, reason }, { service }) => service.markPaidManually(ref, reason),
  claimAtCounter: ({ ref, transactionId }, { service }) => service.claimAtCounter(ref, transactionId),
  getDashboard: (_request, { service }) => service.dashboard(),
  getClosingReport: ({ day, counter }, { closing }) => closing.report({ day, counter }),
  async outputClosingReport({ day, counter, layout, to }, { closing, platform, setup }) {
    const document = await closing.document({ day, counter }, layout);
    if (!document.ok) return document;
    return output(document.value, to, words(setup, 'dialog_save_closing_pdf'), platform);
  },
  getPreferences: (_request, { setup }) => setup.getPreferences(),
  savePreferences: (request, { setup, customerDisplay }) => customerDisplay.shopChanged(setup.savePreferences(request)),
  async openPaymentPage({ ref }, { service, platform }) {
    const url = (await service.findOrder(ref))?.paymentUrl;
    if (!url) return fail(appError('not_found', say('open_payment_link_missing', { ref })));
    if (paymentLinkProblem(url) !== null) return fail(appError('forbidden', say('open_payment_link_not_web')));
    await platform.openExternal(url);
    return ok({});
  },
  async shareLink({ ref, via, to }, { service, setup, platform }) {
    const order = await service.findOrder(ref);
    if (!order) return fail(appError('not_found', say('order_not_found', { ref })));
    const shop = await setup.getShopDetails();
    const url = shareLinkUrl({ order, via, to: to ?? null, shopName: shop.ok ? shop.value.name : '', language: shopLanguage(setup) });
    if (!url.ok) return url;
    return (await platform.openShareLink(url.value)) ? ok({}) : fail(appError('not_found', say('share_no_app', { via })));
  },
  async outputQrSign({ ref, layout, to }, { service, setup, platform }) {
    const order = await service.findOrder(ref);
    if (!order) return fail(appError('not_found', say('order_not_found', { ref })));
    const shop = await setup.getShopDetails();
    const preferences = setup.getPreferences();
    if (!shop.ok) return shop;
    if (!preferences.ok) return preferences;
    const { language, clock } = preferences.value;
    const sign = renderQrSign({ order, shop: shop.value, layout, language, clock });
    if (!sign.ok) return sign;
    return output(sign.value, to, words(setup, 'dialog_save_qr_sign_pdf'), platform);
  },
  async previewReceipt({ ref, layout }, { exports, platform }) {
    const receipt = await exports.receipt(ref, layout);
    if (!receipt.ok) return receipt;
    await platform.preview(receipt.value.html, receipt.value.title);
    return ok({});
  },
  async printReceipt({ ref, layout }, { exports, platform }) {
    const receipt = await exports.receipt(ref, layout);
    if (!receipt.ok) return receipt;
    await platform.print(receipt.value.html);
    return ok({});
  },
  async saveReceiptPdf({ ref, layout }, { exports, platform, setup }) {
    const receipt = await exports.receipt(ref, layout);
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
      const refusal = await exports.receiptsRefusal(filter);
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
  saveShopDetails: (request, { setup, customerDisplay }) => customerDisplay.shopChanged(setup.saveShopDetails(request)),
  async chooseShopLogo(_request, { setup, platform, customerDisplay }) {
    const bytes = await platform.chooseLogoFile({
      title: words(setup, 'dialog_choose_logo'),
      filesName: words(setup, 'dialog_logo_files'),
    });
    return bytes ? customerDisplay.shopChanged(setup.setShopLogo(bytes)) : setup.getShopDetails();
  },
  removeShopLogo: (_request, { setup, customerDisplay }) => customerDisplay.shopChanged(setup.removeShopLogo()),
  getCustomerDisplay: async (_request, { customerDisplay }) => ok(await customerDisplay.state()),
  async customerView({ open }, { platform }) {
    await platform.customerView(open);
    return ok({});
  },
  getAbout: (_request, { support }) => ok(support.about()),
  async openFolder({ folder }, { support, platform }) {
    const path = support.folder(folder);
    try {
      // The logs folder exists from the first line written; made here too, so it opens before that.
      await mkdir(path, { recursive: true });
      await platform.openPath(path);
    } catch (error) {
      support.log.warn('folder_not_opened', `the ${folder} folder could not be opened: ${errorText(error)}`);
      return fail(appError('internal', say('folder_not_opened', { folder, path })));
    }
    return ok({});
  },
  getDiagnostics: async (_request, { support }) => ok({ text: await support.diagnostics() }),
  checkForUpdates: (_request, { updates }) => updates.check(),
  getUpdateStatus: (_request, { updates }) => ok(updates.status()),
  async openUpdateDownload(_request, { updates, platform }) {
    // Only the address the feed gave, and only https: the page names nothing to open.
    const url = updates.download();
    if (url === null || !url.startsWith('https://')) return fail(appError('not_found', say('update_download_missing')));
    await platform.openExternal(url);
    return ok({});
  },
  getOrderBook: (_request, { orderBook }) => orderBook.view(),
  checkOrderBook: (request, { orderBook }) => orderBook.check(request),
  async chooseOrderBookCa(_request, { orderBook, platform, setup }) {
    const file = await platform.chooseCaFile({ title: words(setup, 'dialog_choose_ca'), filesName: words(setup, 'dialog_ca_files') });
    return orderBook.chooseCa(file);
  },
  copyOrderBook: (request, { orderBook }) => orderBook.copy(request),
  useOrderBook: (request, { orderBook }) => orderBook.use(request),
  async restartApp(_request, { platform }) {
    await platform.restart();
    return ok({});
  },
  listCounters: (_request, { setup }) => setup.listCounters(),
  renameCounter: ({ name }, { setup }) => setup.renameCounter(name),
};

/** The shop's language (English where the preferences cannot be read). */
function shopLanguage(setup: SetupService): Language {
  const preferences = setup.getPreferences();
  return preferences.ok ? preferences.value.language : 'en';
}

/** A dialog's words in the shop's language. */
function words(setup: SetupService, code: DialogWords): string {
  return render(say(code), shopLanguage(setup));
}

type DialogWords =
  | 'dialog_save_receipt_pdf'
  | 'dialog_save_qr_sign_pdf'
  | 'dialog_save_closing_pdf'
  | 'dialog_save_receipts_pdf'
  | 'dialog_receipts_folder'
  | 'dialog_export_csv'
  | 'dialog_choose_statement'
  | 'dialog_statement_files'
  | 'dialog_choose_logo'
  | 'dialog_logo_files'
  | 'dialog_choose_ca'
  | 'dialog_ca_files';

const NOT_SAVED = { saved: false, count: 0, fileName: null, cancelled: false };

/** A one-page document (a QR sign, a closing report) shown, printed, or saved as a PDF where the shopkeeper chooses. */
async function output(
  { html, fileName, title }: { html: string; fileName: string; title: string },
  to: 'preview' | 'print' | 'pdf',
  saveTitle: string,
  platform: Platform,
) {
  if (to === 'preview') await platform.preview(html, title);
  if (to === 'print') await platform.print(html);
  if (to !== 'pdf') return ok(NOT_SAVED);
  const file = await platform.chooseSaveFile({ title: saveTitle, defaultName: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (!file) return ok(NOT_SAVED);
  await writeFileAtomically(file, await platform.pdf.pdf(html));
  return ok({ saved: true, count: 1, fileName: basename(file), cancelled: false });
}
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
        deps.support.log.error('operation_failed', `${name} failed: ${errorText(error)}`);
        // The shared book's server or the network is away: a sentence that says so, not "something went wrong".
        if (error instanceof OrderBookUnreachable) return fail(appError('network', say('book_unreachable')));
        return fail(appError('internal', say('internal_error')));
      }
    },
  };
}
