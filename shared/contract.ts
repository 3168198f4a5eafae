// The one contract between the renderer and the main process. Every channel is a zod pair: the router
// validates each request and each reply against it, and the preload and renderer take their types from
// it; event payloads are parsed against `events` on their way out too (electron/core/event-forwarding.ts).
// Reply and event objects are plain, not strict, zod objects on purpose: parsing strips any field the schema
// does not name, so nothing the core holds (an API key, a return token) reaches the renderer by accident, and
// a handler that leaks one still answers instead of failing at the shop's counter. That stripping hides the
// leak, so test/integration/contract-promise.test.ts checks what the handlers return before the parse.
import { z } from 'zod';
import { MESSAGE_CODES, type MessageCode } from './messages/en';
import { parseAmount } from './money';

export const ORDER_STATUSES = ['pending', 'paid', 'cancelled', 'expired', 'failed'] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

/**
 * How a paid order stands against the imported statements: not yet shown by one, shown at its amount, shown
 * at another amount, absent from a statement that covers its time, or vouched for by the shopkeeper (a
 * statement line attached or recorded by hand, or a payment marked paid by hand).
 */
export const VERIFICATIONS = ['unverified', 'verified', 'amount_mismatch', 'missing', 'reconciled_by_hand'] as const;
export const Verification = z.enum(VERIFICATIONS);
export type Verification = z.infer<typeof Verification>;

export const ERROR_KINDS = [
  'invalid_input',
  'not_configured',
  'not_found',
  'forbidden',
  'gateway_rejected',
  'unauthorized',
  'server_error',
  'malformed_response',
  'response_too_large',
  'timeout',
  'network',
  'internal',
] as const;
export const ErrorKind = z.enum(ERROR_KINDS);
export type ErrorKind = z.infer<typeof ErrorKind>;

/** What a message's phrase is filled with: names, refs, amounts in poisha, counts, ISO instants, lists. */
export const MessageParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]));

/**
 * Something PayDesk says to a person, as data: a stable code and its params. Whoever shows it picks the words
 * from the catalog of the shopkeeper's language (shared/messages); nothing on the way holds a sentence.
 */
/** A zod refusal's message is a message code; the router renders it with the issue's limits as params. */
const says = (code: MessageCode): MessageCode => code;

export const Message = z.object({ code: z.enum(MESSAGE_CODES), params: MessageParams.default({}) });
export type Message = z.infer<typeof Message>;

/**
 * An error as a value: a kind for code paths, a message (code and params) for the shopkeeper, its English
 * sentence for logs, and the gateway's own words verbatim if it gave any.
 */
export const AppError = z.object({
  kind: ErrorKind,
  code: Message.shape.code,
  params: Message.shape.params,
  /** The English sentence of code and params: for logs and tools, never shown to a shopkeeper as such. */
  message: z.string(),
  gatewayMessage: z.string().nullable().default(null),
  field: z.string().nullable().default(null),
});
export type AppError = z.infer<typeof AppError>;

export const Order = z.object({
  ref: z.string(),
  status: OrderStatus,
  amountMinor: z.number().int().positive(),
  currency: z.literal('BDT'),
  customerName: z.string().nullable(),
  customerEmail: z.string().nullable(),
  note: z.string().nullable(),
  paymentUrl: z.string().nullable(),
  /** The host of paymentUrl. */
  paymentHost: z.string().nullable(),
  /** The gateway answered with a link on another host than its own Base URL's: warn before handing it out. */
  paymentHostForeign: z.boolean(),
  transactionId: z.string().nullable(),
  /** Why the gateway gave no link, for a failed order. */
  failure: Message.nullable(),
  /** Marked paid by the shopkeeper (with a reason in the timeline), not by the gateway's return. */
  paidManually: z.boolean(),
  /**
   * For a gateway payment, how PayDesk learned of it: the customer's browser came back (return), the
   * shopkeeper typed the transaction id the customer showed (counter), or a statement line was settled by hand.
   * A return or a counter claim is a claim until a statement verifies it.
   */
  paymentProof: z.enum(['return', 'counter', 'statement']).nullable(),
  /** For a paid order: how it stands against the imported statements; null for an unpaid order. */
  verification: Verification.nullable(),
  /** The amount the statement shows, when it differs from the order's. */
  statementAmountMinor: z.number().int().nullable(),
  profileName: z.string(),
  /**
   * The counter (till) that made the order, by the name it has now; null for an order made before counters were
   * named (a book from before PayDesk knew several counters).
   */
  counterName: z.string().nullable(),
  /** Made in sandbox mode: no real money. Shown wherever sandbox and live orders could meet. */
  sandbox: z.boolean(),
  createdAt: z.string(),
  /** When a pending link stops being offered (it then becomes expired). */
  expiresAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type Order = z.infer<typeof Order>;

/** Optional free text: trimmed, and blank means absent. */
const optionalText = (max: number, tooLong: MessageCode) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string().max(max, tooLong).optional(),
  );

/** Text typed into a search or a filter: control characters (NUL, escapes) are never part of what was meant. */
const searchText = () =>
  optionalText(200, 'search_too_long').refine((text) => text === undefined || !/[\u0000-\u001f\u007f-\u009f]/.test(text), {
    message: says('search_control_character'),
  });

export const CreateLinkInput = z.object({
  amount: z.string().transform((text, ctx) => {
    const parsed = parseAmount(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.code });
      return z.NEVER;
    }
    return parsed.minor;
  }),
  customerName: optionalText(100, 'customer_name_too_long'),
  customerEmail: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.email(says('email_invalid')).max(254).optional(),
  ),
  note: optionalText(500, 'note_too_long'),
});
export type CreateLinkInput = z.input<typeof CreateLinkInput>;
export type CreateLinkRequest = z.output<typeof CreateLinkInput>;

const LocalDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, says('day_format'));

const OrderFilterFields = z.object({
  status: OrderStatus.optional(),
  /** Every profile's orders instead of the active profile's. */
  allProfiles: z.boolean().default(false),
  search: searchText(),
  verification: Verification.optional(),
  /** Only the orders this counter made (a Counter's id, from listCounters). */
  counter: z.string().max(64).optional(),
  /** Local days, inclusive. */
  from: LocalDay.optional(),
  to: LocalDay.optional(),
});
const daysInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const daysReversed = { message: says('date_range_reversed'), path: ['from'] };

/** Which orders: the list's filter without its order or window (`countOrders`). */
export const OrderFilterInput = OrderFilterFields.refine(daysInOrder, daysReversed);
export type OrderFilterInput = z.input<typeof OrderFilterInput>;
export type OrderFilterQuery = z.output<typeof OrderFilterInput>;

export const ListOrdersInput = OrderFilterFields.extend({
  sort: z.enum(['time', 'amount']).default('time'),
  direction: z.enum(['desc', 'asc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
  /** With the totals of every match; without, a broad search's page comes at once and `countOrders` follows. */
  totals: z.boolean().default(true),
}).refine(daysInOrder, daysReversed);
export type ListOrdersInput = z.input<typeof ListOrdersInput>;
export type ListOrdersQuery = z.output<typeof ListOrdersInput>;

const httpUrl = (invalid: MessageCode) =>
  z
    .string()
    .trim()
    .max(2000)
    .refine((text) => {
      try {
        const url = new URL(text);
        return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
      } catch {
        return false;
      }
    }, invalid);

/** Where the return listener binds unless a profile says otherwise: loopback, a fixed port. */
export const DEFAULT_LISTEN_HOST = '127.0.0.1';
export const DEFAULT_LISTEN_PORT = 47400;

/** A merchant profile as the shopkeeper enters it. The Base URL is kept exactly as typed. */
export const ProfileInput = z.object({
  name: z.string().trim().min(1, says('profile_name_missing')).max(60, says('profile_name_too_long')),
  baseUrl: httpUrl('base_url_invalid'),
  listenHost: z.string().trim().min(1, says('listen_host_invalid')).max(255, says('listen_host_invalid')).default(DEFAULT_LISTEN_HOST),
  listenPort: z.coerce
    .number(says('port_not_whole'))
    .int(says('port_not_whole'))
    .min(1, says('port_range'))
    .max(65535, says('port_range'))
    .default(DEFAULT_LISTEN_PORT),
  returnBaseUrl: httpUrl('return_base_url_invalid').optional(),
  mode: z.enum(['live', 'sandbox']).default('live'),
});
export type ProfileInput = z.input<typeof ProfileInput>;

export const API_KEY_STATES = ['saved', 'session', 'missing', 'needs_reentry', 'not_needed'] as const;

/** A profile as the renderer sees it. The API key appears only as a hint: "••••" and its last 4 characters. */
export const ProfileView = z.object({
  name: z.string(),
  mode: z.enum(['live', 'sandbox']),
  baseUrl: z.string(),
  listenHost: z.string(),
  listenPort: z.number().int(),
  returnBaseUrl: z.string().nullable(),
  active: z.boolean(),
  /** Removed profiles keep their orders, read-only. */
  removed: z.boolean(),
  apiKey: z.object({
    /** saved: encrypted on disk; session: in memory until PayDesk closes; needs_reentry: the OS key store changed; not_needed: sandbox. */
    state: z.enum(API_KEY_STATES),
    hint: z.string().nullable(),
    /**
     * The other counters that keep a key for this profile on a shared order book. A key is encrypted by one
     * computer's key store, which no other computer can read, so each counter enters it once: the form says so.
     */
    heldElsewhere: z.array(z.string()).default([]),
  }),
});
export type ProfileView = z.infer<typeof ProfileView>;

/** How API keys can be kept on this machine. */
export const VaultStatus = z.object({
  protection: z.enum(['os_keychain', 'weak', 'unavailable']),
  /** The OS store in use (keychain, dpapi, gnome_libsecret, kwallet5, basic_text, …). */
  backend: z.string(),
  /** The shopkeeper agreed to keep keys under weak protection rather than for the session only. */
  weakAccepted: z.boolean(),
  /** The situation in plain words. */
  sentence: Message,
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const ApiKeyInput = z.object({
  profileName: z.string().min(1).max(60),
  apiKey: z
    .string()
    .trim()
    .min(8, says('api_key_too_short'))
    .max(512, says('api_key_too_long'))
    .regex(/^[\x21-\x7e]+$/, says('api_key_characters')),
});

export const SaveProfileInput = z.object({
  /** The profile being edited; absent when adding one. */
  originalName: z.string().max(60).optional(),
  profile: ProfileInput,
});

export const ConnectionStep = z.object({
  step: z.enum(['url', 'dns', 'tcp', 'tls', 'http']),
  ok: z.boolean(),
  /** The step's own line: what was found, or what failed. */
  detail: Message,
});

export const ConnectionReport = z.object({
  ok: z.boolean(),
  steps: z.array(ConnectionStep),
  /** Something that works but deserves attention (plain http for a live profile). */
  warning: Message.nullable(),
  /** One sentence: all good, or precisely what failed and what to check. */
  message: Message,
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;

/**
 * Check the return address: PayDesk asks its own return address for a one-time nonce and reports whether its
 * listener heard it, step by step like Check connection ('heard' in place of 'http').
 */
export const ReturnCheckReport = ConnectionReport.extend({
  steps: z.array(ConnectionStep.extend({ step: z.enum(['url', 'dns', 'tcp', 'tls', 'heard']) })),
  /** The address checked: the public return address, or the listener's own; null when there is none. */
  url: z.string().nullable(),
});
export type ReturnCheckReport = z.infer<typeof ReturnCheckReport>;

/** How PayDesk talks to a PostgreSQL server: in the clear, encrypted, or encrypted to a server whose certificate and name are checked. */
export const OrderBookTls = z.enum(['disable', 'require', 'verify-full']);
export type OrderBookTls = z.infer<typeof OrderBookTls>;

/** A PostgreSQL order book as Settings › Order book types it. No password means: keep the one saved. */
export const PostgresInput = z.object({
  host: z.string().trim().min(1, says('order_book_host_missing')).max(253, says('order_book_field_too_long')),
  port: z
    .number(says('port_not_whole'))
    .int(says('port_not_whole'))
    .min(1, says('port_range'))
    .max(65535, says('port_range'))
    .default(5432),
  database: z.string().trim().min(1, says('order_book_database_missing')).max(63, says('order_book_field_too_long')),
  user: z.string().trim().min(1, says('order_book_user_missing')).max(63, says('order_book_field_too_long')),
  password: z.string().max(1024, says('order_book_field_too_long')).optional(),
  tls: OrderBookTls.default('require'),
});
export type PostgresInput = z.infer<typeof PostgresInput>;

/**
 * Check a PostgreSQL order book, step by step like Check connection: the server answers (reach), TLS as asked,
 * the user signs in, the database is there, the server is new enough (14+), and what PayDesk's schema there is.
 */
export const OrderBookStep = z.object({
  step: z.enum(['reach', 'tls', 'sign_in', 'database', 'version', 'schema']),
  ok: z.boolean(),
  detail: Message,
});
export const OrderBookCheck = z.object({
  ok: z.boolean(),
  steps: z.array(OrderBookStep),
  /** PayDesk's schema in that database: none yet, older (upgraded on use: back it up first), current, or newer (refused). */
  schema: z.enum(['none', 'older', 'current', 'newer']).nullable(),
  /** One sentence: all good, or precisely what failed and what to check. */
  message: Message,
});
export type OrderBookCheck = z.infer<typeof OrderBookCheck>;

/**
 * Settings › Order book: the book PayDesk has open (this computer's file, or a PostgreSQL server as
 * postgres://user@host:port/db, never a password) and the PostgreSQL server saved for it, if any.
 */
export const OrderBookView = z.object({
  engine: z.enum(['sqlite', 'postgres']),
  /** The SQLite file's path, or postgres://user@host:port/db. */
  location: z.string(),
  /** The server saved as this computer's choice, for the form: its password only as "saved". */
  postgres: z
    .object({
      /** postgres://user@host:port/db */
      location: z.string(),
      host: z.string(),
      port: z.number().int(),
      database: z.string(),
      user: z.string(),
      tls: OrderBookTls,
      /** A CA certificate is kept for verify-full (else the system's trusted CAs are used). */
      hasCa: z.boolean(),
      passwordSaved: z.boolean(),
    })
    .nullable(),
  /** The saved choice is not the book open now: PayDesk opens it when it restarts. */
  restartNeeded: z.boolean(),
  /** This computer's key store can keep the password encrypted (as for API keys); without it the server cannot be chosen. */
  canSavePassword: z.boolean(),
  /** The CA certificate picked for the server being typed, not yet saved with it. */
  draftCa: z.object({ fileName: z.string(), subject: z.string() }).nullable(),
  /** Why the saved choice could not be read (a damaged file): choosing again here replaces it. */
  problem: Message.nullable(),
});
export type OrderBookView = z.infer<typeof OrderBookView>;

/** A one-time test page on the return address, for a phone to open (see the phoneReached event). */
export const PhoneTest = z.object({ url: z.string(), expiresAt: z.string() });
export type PhoneTest = z.infer<typeof PhoneTest>;

/** A device opened the phone test page: its address as the listener saw it (through a tunnel: as forwarded). */
export const PhoneReached = z.object({ address: z.string(), at: z.string() });
export type PhoneReached = z.infer<typeof PhoneReached>;

export const BindAddress = z.object({
  address: z.string(),
  /** Who can reach the address, with its interface's name: "wlan0 — other devices on this network". */
  label: Message,
  loopback: z.boolean(),
});
export type BindAddress = z.infer<typeof BindAddress>;

export const ShopDetailsInput = z.object({
  name: z.string().trim().max(100, says('shop_name_too_long')),
  address: z.string().trim().max(300, says('shop_address_too_long')),
  phone: z
    .string()
    .trim()
    .max(40, says('shop_phone_too_long'))
    .regex(/^[0-9০-৯+\-() ]*$/, says('shop_phone_characters')),
});

export const ShopDetails = ShopDetailsInput.extend({
  /** The logo as a data: URL, ready for an <img>. */
  logoDataUrl: z.string().nullable(),
});
export type ShopDetails = z.infer<typeof ShopDetails>;

/** Every order matching a filter, for the list's scroll height and its totals line. */
export const OrderTotals = z.object({
  total: z.number().int(),
  paidCount: z.number().int(),
  paidSumMinor: z.number().int(),
});
export type OrderTotals = z.infer<typeof OrderTotals>;

export const OrderPage = z.object({
  orders: z.array(Order),
  /** Whether orders follow this page: a bound on the matches before their totals come. */
  hasMore: z.boolean(),
  /** The totals, or null when not asked for. */
  total: z.number().int().nullable(),
  paidCount: z.number().int().nullable(),
  paidSumMinor: z.number().int().nullable(),
});
export type OrderPage = z.infer<typeof OrderPage>;

export const TimelineEvent = z.object({
  kind: z.string(),
  at: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** What the core said when it happened, where it said something (why a link failed). */
  message: Message.nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const OrderDetail = z.object({ order: Order, timeline: z.array(TimelineEvent) });
export type OrderDetail = z.infer<typeof OrderDetail>;

const Takings = z.object({ count: z.number().int(), sumMinor: z.number().int() });

/**
 * "Paid, not yet verified": every paid order no statement has confirmed at its amount. A mismatch counts
 * too: money arrived, but not the money the order says. Payments recorded by hand are the shopkeeper's word.
 */
export const UNPROVEN = ['unverified', 'missing', 'amount_mismatch'] as const satisfies readonly Verification[];
export type Unproven = (typeof UNPROVEN)[number];

export const Dashboard = z.object({
  today: Takings,
  last7Days: Takings,
  /**
   * "Paid, not yet verified": paid orders no statement has confirmed at their amount (verification
   * unverified, missing or amount_mismatch). Attached, recorded and hand-paid orders are the shopkeeper's word.
   */
  paidUnverified: Takings.extend({
    /** How many of them stand at each unproven verification, so Home offers a list of each without asking. */
    byVerification: z.object({ unverified: z.number().int(), missing: z.number().int(), amount_mismatch: z.number().int() }),
  }),
  /** Paid totals per local day, oldest first, 30 days ending today. */
  daily: z.array(Takings.extend({ day: z.string() })),
  pending: Takings,
});
export type Dashboard = z.infer<typeof Dashboard>;

/** Whose name a "Paid" desktop notification shows: never, only while the screen is not locked (where the
 * system says so; where it cannot tell, never), or always. */
export const NOTIFICATION_NAMES = ['never', 'unlocked', 'always'] as const;

/** How times of day read: 12-hour with the part of the day ("বিকাল ৫:৫৭", "5:57 pm") or 24-hour ("১৭:৫৭"). */
export const CLOCKS = ['12h', '24h'] as const;

/** What a shopkeeper who never chose has, and what a setting saved before it existed reads as. */
export const DEFAULT_PREFERENCES = {
  language: 'en',
  notificationNames: 'unlocked',
  linkExpiryHours: 24,
  clock: '12h',
  paidSound: true,
  paidSoundVolume: 70,
  quickAmountsMinor: [10_000, 20_000, 50_000, 100_000],
  itemPresets: [],
  confirmAboveMinor: 5_000_000,
  keepRunning: true,
  startAtLogin: false,
  updateChecks: false,
  updateFeedUrl: '',
} as const;

/** The largest amount PayDesk takes (shared/money.ts: 12 integer digits), in poisha. */
const MAX_AMOUNT_MINOR = 99_999_999_999_999;
const CounterAmount = z
  .number(says('counter_amount_range'))
  .int(says('counter_amount_range'))
  .min(1, says('counter_amount_range'))
  .max(MAX_AMOUNT_MINOR, says('counter_amount_range'));

/** Something the shop sells often, one press away: its name goes in the note, its price in the amount. */
export const ItemPreset = z.object({
  name: z.string().trim().min(1, says('item_name_missing')).max(40, says('item_name_too_long')),
  priceMinor: CounterAmount,
});
export type ItemPreset = z.infer<typeof ItemPreset>;

export const Preferences = z.object({
  language: z.enum(['en', 'bn']),
  notificationNames: z.enum(NOTIFICATION_NAMES).default(DEFAULT_PREFERENCES.notificationNames),
  linkExpiryHours: z
    .number(says('link_expiry_range'))
    .int(says('link_expiry_range'))
    .min(1, says('link_expiry_range'))
    .max(720, says('link_expiry_range')),
  clock: z.enum(CLOCKS).default(DEFAULT_PREFERENCES.clock),
  /** The chime when a customer's payment comes back, and how loud (percent). */
  paidSound: z.boolean().default(DEFAULT_PREFERENCES.paidSound),
  paidSoundVolume: z.number().int().min(0).max(100).default(DEFAULT_PREFERENCES.paidSoundVolume),
  /** The counter's own amounts, one press each, and its items with their prices (Settings › The counter). */
  quickAmountsMinor: z
    .array(CounterAmount)
    .max(8, says('quick_amounts_too_many'))
    .readonly()
    .default(DEFAULT_PREFERENCES.quickAmountsMinor),
  itemPresets: z.array(ItemPreset).max(24, says('item_presets_too_many')).readonly().default(DEFAULT_PREFERENCES.itemPresets),
  /** A link above this amount is made only once the shopkeeper has read it back, in digits and in words. */
  confirmAboveMinor: CounterAmount.default(DEFAULT_PREFERENCES.confirmAboveMinor),
  /** Closing the window keeps PayDesk running (tray, or the dock on macOS) so the return address still answers. */
  keepRunning: z.boolean().default(DEFAULT_PREFERENCES.keepRunning),
  /** PayDesk starts when this computer starts (a login item; an autostart entry on Linux). */
  startAtLogin: z.boolean().default(DEFAULT_PREFERENCES.startAtLogin),
  /** Asks the release feed whether a newer PayDesk exists, and only says so: nothing is fetched unless this is on. */
  updateChecks: z.boolean().default(DEFAULT_PREFERENCES.updateChecks),
  /** The feed the shop or its distributor publishes releases to (electron-builder's generic feed); '' when none. */
  updateFeedUrl: z.string().trim().max(500, says('update_feed_too_long')).default(DEFAULT_PREFERENCES.updateFeedUrl),
});
export type Preferences = z.infer<typeof Preferences>;

/** What Help › About shows: what this PayDesk is and where it keeps its things. */
export const AboutPaydesk = z.object({
  version: z.string(),
  /** null where the core runs outside Electron (the CLI, the tests). */
  electron: z.string().nullable(),
  chromium: z.string().nullable(),
  node: z.string(),
  platform: z.string(),
  arch: z.string(),
  dataDir: z.string(),
  logsDir: z.string(),
});
export type AboutPaydesk = z.infer<typeof AboutPaydesk>;

/** What the last look at the release feed found. */
export const UpdateCheck = z.discriminatedUnion('state', [
  /** The setting is off or no feed is set: nothing was asked. */
  z.object({ state: z.literal('off') }),
  /** This PayDesk (`version`) is the feed's newest, or newer. */
  z.object({ state: z.literal('current'), version: z.string(), checkedAt: z.string() }),
  z.object({
    state: z.literal('available'),
    version: z.string(),
    /** The version running now. */
    running: z.string(),
    /** Where the shop downloads it (an https file of the feed), opened only by openUpdateDownload; null when none is. */
    downloadUrl: z.string().nullable(),
    releaseDate: z.string().nullable(),
    checkedAt: z.string(),
  }),
]);
export type UpdateCheck = z.infer<typeof UpdateCheck>;

/** What Settings and the header show of the release feed; reading it never asks the feed. */
export const UpdateStatus = z.object({
  /** What the last check that answered found, or 'off'; null while none has answered since the feed was set. */
  check: UpdateCheck.nullable(),
  /** Why the latest check failed, if it did (the answer before it stays in `check`). */
  problem: AppError.nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

const RefInput = z.object({ ref: z.string().max(40) });

/** Which column of a statement holds what (by the header's text exactly as in the file). */
export const StatementMapping = z.object({
  transactionId: z.string().min(1, says('mapping_transaction_id_missing')),
  amount: z.string().min(1, says('mapping_amount_missing')),
  time: z.string().min(1, says('mapping_time_missing')),
  sender: z.string().optional(),
  reference: z.string().optional(),
});
export type StatementMapping = z.infer<typeof StatementMapping>;

/** A statement file read by the main process and held by the core until it is imported. */
export const StatementPreview = z.object({
  /** Opaque handle for importStatement; the renderer never sees a path. */
  token: z.string(),
  fileName: z.string(),
  /** At most 100 columns (a file with more is refused), each name at most 100 characters. */
  headers: z.array(z.string().max(100)).max(100),
  /** The first 20 rows, as text, each cell cut to 200 characters, for the mapping screen. */
  rows: z.array(z.array(z.string().max(200)).max(100)).max(20),
  totalRows: z.number().int(),
  /** Remembered for this profile, or guessed from the headers; null when nothing fits. */
  suggested: StatementMapping.partial().nullable(),
});
export type StatementPreview = z.infer<typeof StatementPreview>;

export const StatementLine = z.object({
  id: z.number().int(),
  transactionId: z.string(),
  amountMinor: z.number().int(),
  time: z.string(),
  sender: z.string().nullable(),
  reference: z.string().nullable(),
  /** Set once the line has been attached to an order or recorded as one. */
  orderRef: z.string().nullable(),
});
export type StatementLine = z.infer<typeof StatementLine>;

/**
 * What one import did. Outcome counts are of the changes this import made, so importing the same file again
 * reports every line as already known and changes nothing.
 */
export const ReconciliationReport = z.object({
  /** Data lines in the file, lines new to PayDesk, lines imported before (or repeated in the file) at the same amount. */
  lines: z.number().int(),
  imported: z.number().int(),
  alreadyKnown: z.number().int(),
  /**
   * Lines not imported, each with its line number, its text and why: they did not parse, or they contradict a
   * line with the same transaction ID (earlier in the file, or imported before) by their amount. The first 200
   * by line number; rejectedCount counts them all.
   */
  rejected: z.array(z.object({ line: z.number().int(), text: z.string(), reason: Message })).max(200),
  rejectedCount: z.number().int(),
  /** Paid orders this import matched (lines of earlier statements too, once their order is paid). */
  verified: z.number().int(),
  amountMismatch: z.number().int(),
  /** Paid orders within the statement's time (its first to its last payment) that no statement shows. */
  missing: z.number().int(),
  /** Lines new in this import that match no order (see listUnclaimed). */
  unclaimed: z.number().int(),
  /** The statement's first and last days (local). */
  coversFrom: z.string().nullable(),
  coversTo: z.string().nullable(),
});
export type ReconciliationReport = z.infer<typeof ReconciliationReport>;

export const ReceiptLayout = z.enum(['a4', 'roll80']);
const ReceiptInput = RefInput.extend({ layout: ReceiptLayout.default('a4') });

/** The apps a pending link can be sent through to a customer who is not at the counter. */
export const SHARE_VIAS = ['whatsapp', 'sms', 'email'] as const;
export type ShareVia = (typeof SHARE_VIAS)[number];

/** The orders list's filter, as an export takes it. */
export const ExportFilter = z.object({
  status: OrderStatus.optional(),
  verification: Verification.optional(),
  allProfiles: z.boolean().default(false),
  search: searchText(),
  /** Only the orders this counter made (a Counter's id). */
  counter: z.string().max(64).optional(),
  from: LocalDay.optional(),
  to: LocalDay.optional(),
});
export type ExportFilter = z.input<typeof ExportFilter>;

/** An export's outcome: saved (with the file's name and how many orders or receipts), the dialog closed
 * (saved false), or cancelled while running (nothing left behind). */
const Saved = z.object({
  saved: z.boolean(),
  count: z.number().int(),
  fileName: z.string().nullable(),
  cancelled: z.boolean(),
});

export const ExportProgress = z.object({
  kind: z.enum(['csv', 'receipts']),
  done: z.number().int(),
  total: z.number().int(),
});

/** A local day that is on the calendar (not 2026-02-31). */
const CalendarDay = LocalDay.refine((day) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}, says('day_format'));

/**
 * How a paid order came to be paid: the customer came back from the gateway (return), the shopkeeper typed the
 * transaction id the customer showed (counter), a statement line was settled by hand (statement), or the
 * shopkeeper marked it paid by hand (by_hand).
 */
export const PAID_WAYS = ['return', 'counter', 'statement', 'by_hand'] as const;
export type PaidWay = (typeof PAID_WAYS)[number];

/**
 * The close of one local day for the active profile: the money paid that day (by when it was paid) by how it was
 * paid and how it stands against the statements, and the links made that day by where they stand now.
 */
export const ClosingReport = z.object({
  day: z.string(),
  profileName: z.string(),
  sandbox: z.boolean(),
  /** When the figures were read: a day not yet over can still change. */
  at: z.string(),
  paid: Takings,
  paidBy: z.object({ return: Takings, counter: Takings, statement: Takings, by_hand: Takings }),
  byVerification: z.object({
    unverified: Takings,
    verified: Takings,
    amount_mismatch: Takings,
    missing: Takings,
    reconciled_by_hand: Takings,
  }),
  /** The UNPROVEN verifications together: paid, but no statement has confirmed it at its amount. */
  notYetVerified: Takings,
  /** Links made on the day: all of them, and by where they stand now. */
  made: Takings,
  madeByStatus: z.object({ paid: Takings, pending: Takings, cancelled: Takings, expired: Takings, failed: Takings }),
  /** The counter (till) whose orders these figures are, when the close was asked for one; null for every counter's. */
  counterName: z.string().nullable(),
  /**
   * The money paid on the day by the counter that made each order: every counter of the book by name (the asked one
   * alone), then, as null, orders from before counters were recorded, when any was paid on the day.
   */
  byCounter: z.array(z.object({ counterName: z.string().nullable(), paid: Takings })),
});
export type ClosingReport = z.infer<typeof ClosingReport>;
const ClosingDayInput = z.object({ day: CalendarDay.optional(), counter: z.string().max(64).optional() });

/**
 * A counter (till): one PayDesk data folder on one computer, working on the shop's order book. `id` is made once by
 * that data folder and never changes; `name` is the shop's ("Counter 1", "Front desk"); `thisOne` marks this computer.
 */
export const Counter = z.object({ id: z.string(), name: z.string(), thisOne: z.boolean() });
export type Counter = z.infer<typeof Counter>;
export const COUNTER_NAME_MAX = 40;
const CounterNameInput = z.object({
  name: z.string().trim().min(1, says('counter_name_empty')).max(COUNTER_NAME_MAX, says('counter_name_too_long')),
});

/**
 * Whose browser can come back to the return address: this computer only (loopback), devices on the shop's
 * network (a LAN address), anyone (a public address in front of PayDesk), or nobody (a LAN address this
 * computer no longer has).
 */
export const RETURN_REACHES = ['this_computer', 'shop_network', 'anywhere', 'unreachable'] as const;
export const ReturnReach = z.enum(RETURN_REACHES);
export type ReturnReach = z.infer<typeof ReturnReach>;

/**
 * `cloudflared` run by PayDesk: not on this computer, stopped, starting, running (connected to Cloudflare), or
 * exited by itself (with its exit code and last line, after PayDesk tried again). `name` is the profile's
 * tunnel; `log` its last lines of output.
 */
export const TunnelStatus = z.object({
  state: z.enum(['not_installed', 'stopped', 'starting', 'running', 'exited']),
  name: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  lastLine: z.string().nullable(),
  log: z.array(z.string()),
  /** Why PayDesk itself could not start cloudflared (no longer installed, refused to start); null otherwise. */
  problem: Message.nullable(),
});
export type TunnelStatus = z.infer<typeof TunnelStatus>;

export const AppStatus = z.object({
  mode: z.enum(['sandbox', 'live']),
  profileName: z.string(),
  /** Where the gateway sends customers back; null while the listener is not running. */
  returnUrl: z.string().nullable(),
  /** Why the return listener is not running: a sentence that stands alone ("PayDesk cannot take payments: …"). */
  listenerProblem: Message.nullable(),
  sandboxUrl: z.string().nullable(),
  /** What binding beyond loopback exposes, as one line; null on loopback. */
  listenerWarning: Message.nullable(),
  /** First start: offer "Try the sandbox" or "Connect my gateway". */
  welcome: z.boolean(),
  /**
   * Listeners left answering at an address PayDesk moved away from (links handed out there still work), until
   * they close by themselves; `exposed` when that address is reachable from other machines.
   */
  oldListeners: z.array(z.object({ url: z.string(), until: z.string(), exposed: z.boolean() })),
  /** Who can come back to returnUrl; null while the listener is not running. */
  returnReach: ReturnReach.nullable(),
  /** A return check heard PayDesk through returnUrl since it last changed (a live profile never checked says so once). */
  returnChecked: z.boolean(),
  /** The shop's Cloudflare named tunnel, which PayDesk can run for the profile in use. */
  tunnel: TunnelStatus,
  /** This computer, as the shop named it (Settings › This counter). */
  counter: Counter,
  /**
   * Returns this counter's listener took while the shared order book could not be reached, kept in its local
   * journal until they are written to the book: the screen says "N payments waiting…" while this is above 0.
   */
  waitingReturns: z.number().int().min(0),
});
export type AppStatus = z.infer<typeof AppStatus>;

/**
 * What the customer view (the screen turned to the customer) shows: the shop, and at most the one sale on the
 * counter: waiting (idle), the link just made (its amount and the address its QR code holds), or paid (the
 * amount and the transaction id). Nothing else: no other order, no totals, no customer's name or e-mail.
 */
/** The shop as its customers see it, in the shop's language (which the customer view follows as it changes). */
const CustomerShop = z.object({ name: z.string(), logoDataUrl: z.string().nullable(), language: z.enum(['en', 'bn']) });
export const CustomerDisplay = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle'), shop: CustomerShop }),
  z.object({ kind: z.literal('link'), shop: CustomerShop, amountMinor: z.number().int(), paymentUrl: z.string(), sandbox: z.boolean() }),
  z.object({
    kind: z.literal('paid'),
    shop: CustomerShop,
    amountMinor: z.number().int(),
    transactionId: z.string().nullable(),
    sandbox: z.boolean(),
  }),
]);
export type CustomerDisplay = z.infer<typeof CustomerDisplay>;
/** The URL fragment that makes the app's page the customer view, so one built renderer serves both windows. */
export const CUSTOMER_VIEW_HASH = '#customer';

/** One kind of row after a copy: how many the PostgreSQL book holds (the same as this computer's file: verified), and how many this run added. */
const Copied = z.object({ count: z.number().int(), added: z.number().int() });

/**
 * What "Copy this computer's orders to it" did. Every kind is counted on both sides afterwards and the copy fails,
 * saying which, when they differ; orders also by status with their sums. Run again, it adds nothing (`added` 0).
 */
export const CopyReport = z.object({
  /** postgres://user@host:port/db */
  to: z.string(),
  profiles: Copied,
  orders: Copied.extend({ byStatus: z.record(OrderStatus, Takings) }),
  events: Copied,
  statements: Copied,
  /** Statement lines. */
  lines: Copied,
  settings: Copied,
});
export type CopyReport = z.infer<typeof CopyReport>;

const Empty = z.object({});

export const channels = {
  getStatus: { request: Empty, value: AppStatus },
  createPaymentLink: { request: CreateLinkInput, value: Order },
  listOrders: { request: ListOrdersInput, value: OrderPage },
  countOrders: { request: OrderFilterInput, value: OrderTotals },
  getOrder: { request: RefInput, value: OrderDetail },
  cancelOrder: { request: RefInput, value: Order },
  markPaidManually: {
    request: RefInput.extend({
      reason: z.string().trim().min(3, says('paid_reason_too_short')).max(500, says('paid_reason_too_long')),
    }),
    value: Order,
  },
  /** The return never came but the customer shows the gateway's transaction id: the shopkeeper types it in. */
  claimAtCounter: {
    request: RefInput.extend({ transactionId: z.string().max(200) }),
    value: Order,
  },
  getDashboard: { request: Empty, value: Dashboard },
  /** The close of a local day (today when none is named). */
  getClosingReport: { request: ClosingDayInput, value: ClosingReport },
  /** The close of a day on paper: shown in a window, printed, or saved as a PDF where the shopkeeper chooses. */
  outputClosingReport: {
    request: ClosingDayInput.extend({ layout: ReceiptLayout.default('a4'), to: z.enum(['preview', 'print', 'pdf']) }),
    value: Saved,
  },
  getPreferences: { request: Empty, value: Preferences },
  savePreferences: { request: Preferences, value: Preferences },
  openPaymentPage: { request: RefInput, value: Empty },
  /**
   * Opens WhatsApp, SMS or e-mail with a message holding a pending link (shop, amount, ref, link) in the shop's
   * language. The page names only the app and the recipient (a phone number or an e-mail address; none: choose
   * it in the app); the core writes the address.
   */
  shareLink: {
    request: RefInput.extend({ via: z.enum(SHARE_VIAS), to: optionalText(254, 'share_recipient_too_long') }),
    value: Empty,
  },
  /** A pending link's QR code as a counter sign (A4, or the 80 mm roll): shown, printed, or saved as a PDF. */
  outputQrSign: { request: ReceiptInput.extend({ to: z.enum(['preview', 'print', 'pdf']) }), value: Saved },
  previewReceipt: { request: ReceiptInput, value: Empty },
  printReceipt: { request: ReceiptInput, value: Empty },
  saveReceiptPdf: { request: ReceiptInput, value: Saved },
  exportOrdersCsv: { request: z.object({ filter: ExportFilter }), value: Saved },
  exportReceipts: {
    request: z.object({ filter: ExportFilter, layout: ReceiptLayout.default('a4'), mode: z.enum(['combined', 'per-order']) }),
    value: Saved,
  },
  cancelExport: { request: Empty, value: Empty },
  chooseStatement: { request: Empty, value: StatementPreview.nullable() },
  importStatement: { request: z.object({ token: z.string().max(100), mapping: StatementMapping }), value: ReconciliationReport },
  listUnclaimed: { request: Empty, value: z.object({ lines: z.array(StatementLine) }) },
  attachStatementLine: { request: z.object({ lineId: z.number().int(), ref: z.string().max(40) }), value: Order },
  recordStatementLine: {
    request: z.object({ lineId: z.number().int(), customerName: optionalText(100, 'customer_name_too_long') }),
    value: Order,
  },
  finishWelcome: { request: z.object({ choice: z.enum(['sandbox', 'connect']) }), value: AppStatus },
  listProfiles: { request: Empty, value: z.object({ profiles: z.array(ProfileView), vault: VaultStatus }) },
  saveProfile: { request: SaveProfileInput, value: ProfileView },
  removeProfile: { request: z.object({ name: z.string().max(60) }), value: Empty },
  switchProfile: { request: z.object({ name: z.string().max(60) }), value: AppStatus },
  setApiKey: { request: ApiKeyInput, value: ProfileView },
  acceptWeakKeyStorage: { request: z.object({ accept: z.boolean() }), value: VaultStatus },
  /** Checks the saved profile's own Base URL, never an address the page names. */
  checkConnection: { request: z.object({ profileName: z.string().max(60) }), value: ConnectionReport },
  /** Closes the listeners left answering at old addresses now instead of when their time is up. */
  stopOldListeners: { request: Empty, value: AppStatus },
  /** Requests the active profile's return address with a one-time nonce; ok when the listener heard it. */
  checkReturnAddress: { request: Empty, value: ReturnCheckReport },
  /** Makes a one-time test page on the return address (valid 10 minutes); opening it emits phoneReached. */
  startPhoneTest: { request: Empty, value: PhoneTest },
  /** Runs `cloudflared tunnel run` for the active profile's public return address, now and whenever PayDesk starts. */
  startTunnel: { request: z.object({ name: z.string().max(200) }), value: TunnelStatus },
  stopTunnel: { request: Empty, value: TunnelStatus },
  listBindAddresses: { request: Empty, value: z.object({ addresses: z.array(BindAddress) }) },
  getShopDetails: { request: Empty, value: ShopDetails },
  saveShopDetails: { request: ShopDetailsInput, value: ShopDetails },
  chooseShopLogo: { request: Empty, value: ShopDetails },
  removeShopLogo: { request: Empty, value: ShopDetails },
  /** What the customer view shows now (it follows the customerDisplay event after). */
  getCustomerDisplay: { request: Empty, value: CustomerDisplay },
  /** Opens the customer view (full screen on a second display when there is one) or closes it. */
  customerView: { request: z.object({ open: z.boolean() }), value: Empty },
  /** Help › About: the version, the runtime, the data and logs folders. */
  getAbout: { request: Empty, value: AboutPaydesk },
  /** Opens the data folder or the logs folder in the system's file manager. */
  openFolder: { request: z.object({ folder: z.enum(['data', 'logs']) }), value: Empty },
  /** Text for support (version, platform, listener state, last errors), never a key or a token: the page copies it. */
  getDiagnostics: { request: Empty, value: z.object({ text: z.string() }) },
  /** Asks the release feed now (when the setting is on) whether a newer PayDesk exists. */
  checkForUpdates: { request: Empty, value: UpdateCheck },
  /** What the last check found, without asking the feed. */
  getUpdateStatus: { request: Empty, value: UpdateStatus },
  /** Opens the download of the newer PayDesk the last check found, in the system browser (https only). */
  openUpdateDownload: { request: Empty, value: Empty },
  /** Settings › Order book: the book open now, and the PostgreSQL server saved for it. */
  getOrderBook: { request: Empty, value: OrderBookView },
  /** Checks a PostgreSQL server step by step (reach, TLS, sign in, database, version, schema); changes nothing there. */
  checkOrderBook: { request: PostgresInput, value: OrderBookCheck },
  /**
   * The CA certificate for verify-full, picked in the main process's open dialog (the page names no path); the core
   * keeps its PEM for the server being typed. Null when the shopkeeper closed the dialog.
   */
  chooseOrderBookCa: { request: Empty, value: z.object({ fileName: z.string(), subject: z.string() }).nullable() },
  /**
   * Copies this computer's order book into the server's (SQLite → PostgreSQL), verified; the file is not changed.
   * `notice` tells of the API keys it carried (only this computer's key store can read them).
   */
  copyOrderBook: { request: PostgresInput, value: CopyReport.extend({ notice: Message.nullable() }) },
  /** Saves which book PayDesk opens from its next start: this computer's file, or the server (checked first). */
  useOrderBook: {
    request: z.discriminatedUnion('engine', [
      z.object({ engine: z.literal('sqlite') }),
      z.object({ engine: z.literal('postgres'), input: PostgresInput }),
    ]),
    value: OrderBookView,
  },
  /** Closes PayDesk and starts it again (to open the order book chosen). */
  restartApp: { request: Empty, value: Empty },
  /** Every counter that works on this order book, this computer's marked (for the counter filter). */
  listCounters: { request: Empty, value: z.array(Counter) },
  /** Settings › This counter: names this computer; its orders, old and new, show the new name. */
  renameCounter: { request: CounterNameInput, value: Counter },
} as const;

export type Channel = keyof typeof channels;
export const CHANNELS = Object.keys(channels) as Channel[];
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ChannelRequest<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ChannelValue<C extends Channel> = z.output<(typeof channels)[C]['value']>;
export type Reply<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function replySchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: AppError })]);
}

/** Events pushed from the main process to the renderer. */
export const events = {
  orderChanged: Order,
  /** A return was just recorded: the moment for the toast and the desktop notification. */
  orderPaid: Order,
  exportProgress: ExportProgress,
  /** A phone (or any device) opened the test page of startPhoneTest. */
  phoneReached: PhoneReached,
  /**
   * The network gave this computer another address (DHCP), so the return listener moved from `from` to `to`;
   * `pending` are the refs of links still waiting that were handed out with the old address.
   */
  listenAddressMoved: z.object({ from: z.string(), to: z.string(), at: z.string(), pending: z.array(z.string()) }),
  /** The tunnel PayDesk runs started, connected, stopped or exited. */
  tunnelChanged: TunnelStatus,
  /** The customer view's new state: the only event its window receives. */
  customerDisplay: CustomerDisplay,
  /** The app menu's Help › About PayDesk: the shopkeeper's window shows Settings at About. */
  showAbout: z.object({}),
  /** The shopkeeper's preferences were saved: the desktop follows them (language, start with the computer). */
  preferencesChanged: Preferences,
  /** A look at the release feed answered or failed, or the setting changed what there is to show. */
  updateStatus: UpdateStatus,
  /**
   * Orders changed elsewhere that this counter could not be told of one by one (it was away from the shared order
   * book, or one change touched too many orders): the page reads again what it shows (list, totals, dashboard).
   */
  ordersResynced: z.object({}),
  /** The number of returns in this counter's local journal changed (waiting to be written to the shared book). */
  waitingReturnsChanged: z.object({ waiting: z.number().int().min(0) }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

/** All the customer view's window may ask (its preload offers nothing else) and all it hears. */
export const CUSTOMER_VIEW_CHANNELS = ['getPreferences', 'getCustomerDisplay', 'customerView'] as const satisfies readonly Channel[];
export const CUSTOMER_VIEW_EVENTS = ['customerDisplay'] as const satisfies readonly EventName[];

export const ipcChannel = (name: Channel) => `paydesk:${name}`;
export const ipcEvent = (name: EventName) => `paydesk:event:${name}`;

/** What `window.paydesk` offers the renderer: one method per channel, plus event subscriptions. */
export type PaydeskApi = {
  [C in Channel]: (request: ChannelInput<C>) => Promise<Reply<ChannelValue<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
