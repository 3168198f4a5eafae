import { useState, type FormEvent } from 'react';
import {
  ORDER_STATUSES,
  type AppError,
  type ChannelValue,
  type OrderBookCheck,
  type OrderBookTls,
  type OrderBookView,
  type PostgresInput,
} from '../../../shared/contract';
import { say as sayMessage } from '../../../shared/messages/say';
import { DataText, MessageText } from '../data-text';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { TextField } from '../text-field';
import { fieldIn, useFormReply } from '../use-form-reply';
import { CheckLadder } from './check-ladder';
import { useOrderBook } from './use-order-book';

const POSTGRES = 'PostgreSQL';
const EXAMPLE_HOST = 'db.myshop.example';
const TLS_MODES: OrderBookTls[] = ['verify-full', 'require', 'disable'];
const COPIED_KINDS = ['profiles', 'orders', 'events', 'statements', 'lines', 'settings'] as const;

type CopyReport = ChannelValue<'copyOrderBook'>;

/** The form as typed: text, so nothing typed is lost to a parse (the port is checked as it is sent). */
type Draft = { host: string; port: string; database: string; user: string; password: string; tls: OrderBookTls };
const FIELDS: Record<Exclude<keyof Draft, 'tls'>, true> = { host: true, port: true, database: true, user: true, password: true };

function draftOf({ postgres: saved }: OrderBookView): Draft {
  if (!saved) return { host: '', port: '5432', database: '', user: '', password: '', tls: 'require' };
  return { host: saved.host, port: String(saved.port), database: saved.database, user: saved.user, password: '', tls: saved.tls };
}

/** What a check or a copy was made for: once the form says otherwise, its outcome says nothing. */
const keyOf = (draft: Draft) => JSON.stringify(draft);

type Busy = 'checking' | 'copying' | 'using' | 'file' | 'ca' | null;

/**
 * Settings › Order book: which book PayDesk has open, and a PostgreSQL server to check, copy this computer's orders to,
 * and use from the next start. The password is write-only like an API key; the CA certificate is picked in the main
 * process's dialog. Another book is opened only by a restart, which the page offers once the choice is saved.
 */
export function OrderBookSettings() {
  const { t } = useLanguage();
  const book = useOrderBook();
  if (!book.view) return book.error ? <ErrorAlert error={book.error} /> : <p className="muted">{t.orderBookLoading}</p>;
  return (
    <div className="order-book">
      <BookInUse view={book.view} />
      {book.view.problem && (
        <p className="order-book-problem" role="alert">
          <MessageText message={book.view.problem} />
        </p>
      )}
      {book.view.restartNeeded && <RestartNotice view={book.view} />}
      <PostgresForm view={book.view} onView={book.show} onReload={book.reload} />
    </div>
  );
}

function BookInUse({ view }: { view: OrderBookView }) {
  const { t } = useLanguage();
  return (
    <dl className="order-book-facts">
      <dt>{t.orderBookInUse}</dt>
      <dd>
        <span className="order-book-engine">
          {view.engine === 'sqlite' ? t.orderBookFile : <DataText text={t.orderBookServer} data={[POSTGRES]} />}
        </span>{' '}
        <code translate="no">{view.location}</code>
      </dd>
    </dl>
  );
}

function RestartNotice({ view }: { view: OrderBookView }) {
  const { t } = useLanguage();
  const [restarting, setRestarting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const next = view.postgres?.location ?? null;

  async function restart() {
    setRestarting(true);
    setError(null);
    const reply = await callPaydesk('restartApp', {});
    // On success PayDesk is closing: the button stays busy until the window goes.
    if (!reply.ok) {
      setRestarting(false);
      setError(reply.error);
    }
  }

  return (
    <div className="order-book-restart" role="status">
      <p className="saved-title">{t.orderBookRestartNeeded}</p>
      <p>{next ? <DataText text={t.orderBookNextServer(next)} data={[next]} /> : t.orderBookNextFile}</p>
      <button type="button" className="primary" onClick={() => void restart()} disabled={restarting}>
        {restarting ? t.restarting : t.restartPaydesk}
      </button>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}

type FormProps = { view: OrderBookView; onView(view: OrderBookView): void; onReload(): Promise<void> };

function PostgresForm({ view, onView, onReload }: FormProps) {
  const { t, say } = useLanguage();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [busy, setBusy] = useState<Busy>(null);
  const [checked, setChecked] = useState<{ of: string; check: OrderBookCheck } | null>(null);
  const [copied, setCopied] = useState<{ of: string; report: CopyReport } | null>(null);
  const [caError, setCaError] = useState<AppError | null>(null);
  const form = useFormReply(fieldIn(FIELDS));
  const key = keyOf(draft);
  const check = checked?.of === key ? checked.check : null;
  const report = copied?.of === key ? copied.report : null;

  const edit = (change: Partial<Draft>) => {
    setDraft((sofar) => ({ ...sofar, ...change }));
    for (const name of Object.keys(change)) if (name in FIELDS) form.clearFieldError(name as keyof typeof FIELDS);
  };

  /** The draft as the contract takes it; null (with the port's error shown) when the port is not a number. */
  function input(): PostgresInput | null {
    if (!/^\s*\d{1,5}\s*$/.test(draft.port)) {
      form.showFieldError('port', say(sayMessage('port_not_whole')));
      return null;
    }
    const { password, ...rest } = draft;
    return { ...rest, port: Number(draft.port), ...(password === '' ? {} : { password }) };
  }

  /** A reply's failure under its field (`input.host` for Use it) or in the alert; the form keeps what was typed. */
  function failed(error: AppError) {
    form.showReplyError({ ...error, field: error.field?.replace(/^input\./, '') ?? null });
  }

  async function run<T>(
    kind: Exclude<Busy, null>,
    call: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>,
    done: (value: T) => void,
  ) {
    setBusy(kind);
    form.setError(null);
    const reply = await call();
    setBusy(null);
    if (reply.ok) done(reply.value);
    else failed(reply.error);
  }

  function runCheck(event?: FormEvent) {
    event?.preventDefault();
    const request = input();
    if (busy || !request) return;
    void run(
      'checking',
      () => callPaydesk('checkOrderBook', request),
      (value) => setChecked({ of: key, check: value }),
    );
  }

  function runCopy() {
    const request = input();
    if (busy || !request) return;
    void run(
      'copying',
      () => callPaydesk('copyOrderBook', request),
      (value) => {
        setCopied({ of: key, report: value });
        // The check described the database before the copy wrote PayDesk's tables there.
        setChecked(null);
      },
    );
  }

  function chooseServer() {
    const request = input();
    if (busy || !request) return;
    void run(
      'using',
      () => callPaydesk('useOrderBook', { engine: 'postgres', input: request }),
      (value) => {
        onView(value);
        // Saved: the password is now the vault's, and the field goes back to "leave empty to keep it".
        setDraft((sofar) => ({ ...sofar, password: '' }));
      },
    );
  }

  function chooseFile() {
    if (busy) return;
    void run('file', () => callPaydesk('useOrderBook', { engine: 'sqlite' }), onView);
  }

  /** The dialog is the main process's; a file it refuses is said beside the certificate, not under the form. */
  async function chooseCa() {
    if (busy) return;
    setBusy('ca');
    setCaError(null);
    const reply = await callPaydesk('chooseOrderBookCa', {});
    setBusy(null);
    if (!reply.ok) setCaError(reply.error);
    else if (reply.value) await onReload();
  }

  const saved = view.postgres;
  // The core keeps a saved password only for the server and user it was typed for.
  const passwordSaved =
    saved?.passwordSaved === true &&
    saved.host.toLowerCase() === draft.host.trim().toLowerCase() &&
    String(saved.port) === draft.port.trim() &&
    saved.user === draft.user.trim();

  return (
    <form className="order-book-form" onSubmit={runCheck} noValidate aria-busy={busy !== null} aria-labelledby="order-book-server-title">
      <h3 id="order-book-server-title">
        <DataText text={t.usePostgresTitle} data={[POSTGRES]} />
      </h3>
      <div className="order-book-server">
        <TextField
          id="pg-host"
          label={t.pgHost}
          value={draft.host}
          onChange={(host) => edit({ host })}
          error={form.fieldErrors.host}
          hint={<DataText text={t.pgHostHint} data={[EXAMPLE_HOST]} />}
          inputRef={form.bind('host')}
          autoComplete="off"
          spellCheck={false}
          maxLength={253}
          translate="no"
        />
        <TextField
          id="pg-port"
          label={t.pgPort}
          value={draft.port}
          onChange={(port) => edit({ port })}
          error={form.fieldErrors.port}
          inputRef={form.bind('port')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          translate="no"
        />
      </div>
      <div className="order-book-sign-in">
        <TextField
          id="pg-database"
          label={t.pgDatabase}
          value={draft.database}
          onChange={(database) => edit({ database })}
          error={form.fieldErrors.database}
          inputRef={form.bind('database')}
          autoComplete="off"
          spellCheck={false}
          maxLength={63}
          translate="no"
        />
        <TextField
          id="pg-user"
          label={t.pgUser}
          value={draft.user}
          onChange={(user) => edit({ user })}
          error={form.fieldErrors.user}
          inputRef={form.bind('user')}
          autoComplete="off"
          spellCheck={false}
          maxLength={63}
          translate="no"
        />
      </div>
      <div className="field">
        <label htmlFor="pg-password">{t.pgPassword}</label>
        {passwordSaved && (
          <p className="key-state" id="pg-password-state" data-state="saved">
            {t.pgPasswordSaved}
          </p>
        )}
        <input
          id="pg-password"
          ref={form.bind('password')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          maxLength={1024}
          placeholder={passwordSaved ? t.pgPasswordKeepPlaceholder : undefined}
          value={draft.password}
          onChange={(event) => edit({ password: event.target.value })}
          aria-invalid={form.fieldErrors.password ? true : undefined}
          aria-describedby={[
            passwordSaved ? 'pg-password-state' : null,
            form.fieldErrors.password ? 'pg-password-error' : 'pg-password-hint',
          ]
            .filter(Boolean)
            .join(' ')}
        />
        {form.fieldErrors.password ? (
          <p className="field-error" id="pg-password-error">
            {form.fieldErrors.password}
          </p>
        ) : (
          <p className={`field-hint${view.canSavePassword ? '' : ' order-book-not-kept'}`} id="pg-password-hint">
            {view.canSavePassword ? t.pgPasswordHint : t.pgPasswordNotKept}
          </p>
        )}
      </div>
      <fieldset className="order-book-tls">
        <legend>{t.pgTls}</legend>
        {TLS_MODES.map((mode) => (
          <div key={mode} className="order-book-tls-option">
            <label className="radio">
              <input
                type="radio"
                name="pg-tls"
                value={mode}
                checked={draft.tls === mode}
                onChange={() => edit({ tls: mode })}
                aria-describedby={`pg-tls-${mode}-hint`}
              />
              {t.pgTlsModes[mode].title}{' '}
              <code className="order-book-mode" translate="no">
                {mode}
              </code>
            </label>
            <p className="field-hint" id={`pg-tls-${mode}-hint`}>
              {t.pgTlsModes[mode].hint}
            </p>
          </div>
        ))}
        {draft.tls === 'verify-full' && (
          <div className="order-book-ca">
            <span className="label">{t.pgCa}</span>
            <p className="order-book-ca-state" id="pg-ca-state">
              {view.draftCa ? (
                <span translate="no">{t.pgCaChosen(view.draftCa.fileName, view.draftCa.subject)}</span>
              ) : saved?.hasCa ? (
                t.pgCaSaved
              ) : (
                t.pgCaNone
              )}
            </p>
            <button
              type="button"
              className="secondary"
              onClick={() => void chooseCa()}
              disabled={busy !== null}
              aria-describedby="pg-ca-state"
            >
              {t.chooseCa}
            </button>
            {caError && <ErrorAlert error={caError} />}
          </div>
        )}
      </fieldset>
      <div className="form-actions order-book-actions">
        <button type="submit" className="secondary" disabled={busy !== null}>
          {busy === 'checking' ? t.checking : t.checkOrderBook}
        </button>
        {view.engine === 'sqlite' && (
          <button type="button" className="secondary" onClick={runCopy} disabled={busy !== null}>
            {busy === 'copying' ? t.copying : t.copyOrders}
          </button>
        )}
        <button type="button" className="primary" onClick={chooseServer} disabled={busy !== null}>
          {busy === 'using' ? t.saving : t.useServer}
        </button>
      </div>
      <p className="field-hint">{t.orderBookActionsHint}</p>
      <div role="status" aria-live="polite">
        {check && <CheckLadder report={{ ...check, warning: null }} names={t.orderBookSteps} />}
        {check?.schema === 'older' && <p className="order-book-backup">{t.backUpFirst}</p>}
        {report && <CopyOutcome report={report} />}
      </div>
      {form.error && <ErrorAlert error={form.error} />}
      {saved && (
        <div className="order-book-file">
          <button type="button" className="secondary" onClick={chooseFile} disabled={busy !== null} aria-describedby="order-book-file-hint">
            {busy === 'file' ? t.saving : t.useThisFile}
          </button>
          <span className="field-hint" id="order-book-file-hint">
            <DataText text={t.useThisFileHint} data={[POSTGRES]} />
          </span>
        </div>
      )}
    </form>
  );
}

/** The copy's figures: each kind as both books hold it afterwards, what this run added, and the orders by status. */
function CopyOutcome({ report }: { report: CopyReport }) {
  const { t } = useLanguage();
  const added = COPIED_KINDS.reduce((sum, kind) => sum + report[kind].added, 0);
  return (
    <div className="copy-report">
      <p className="saved-title">
        <DataText text={t.copyDone(report.to)} data={[report.to]} />
      </p>
      {added === 0 && <p>{t.copyNothingNew}</p>}
      {report.notice && (
        <p className="copy-notice">
          <MessageText message={report.notice} />
        </p>
      )}
      <table className="copy-figures">
        <thead>
          <tr>
            <th scope="col">{t.copyKind}</th>
            <th scope="col" className="num">
              {t.copyInBoth}
            </th>
            <th scope="col" className="num">
              {t.copyNew}
            </th>
          </tr>
        </thead>
        <tbody>
          {COPIED_KINDS.map((kind) => (
            <CopiedRows key={kind} kind={kind} report={report} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CopiedRows({ kind, report }: { kind: (typeof COPIED_KINDS)[number]; report: CopyReport }) {
  const { t, formats } = useLanguage();
  return (
    <>
      <tr>
        <th scope="row">{t.copyKinds[kind]}</th>
        <td className="num">{formats.count(report[kind].count)}</td>
        <td className="num">{formats.count(report[kind].added)}</td>
      </tr>
      {kind === 'orders' &&
        ORDER_STATUSES.filter((status) => report.orders.byStatus[status].count > 0).map((status) => (
          <tr key={status} className="is-part">
            <th scope="row">{t.status[status]}</th>
            <td className="num">
              {formats.count(report.orders.byStatus[status].count)} · {formats.money(report.orders.byStatus[status].sumMinor)}
            </td>
            <td />
          </tr>
        ))}
    </>
  );
}
