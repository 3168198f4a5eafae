// Reconciliation's use-cases: read a statement the main process picked, show its first rows with a mapping
// (remembered for the profile, or guessed from the headers), import it, and settle its unclaimed lines by
// hand. The file waits under an opaque token between the preview and the import, briefly and only a few at a
// time: the renderer never names a path, and never hands over rows. Files are read in the statement worker
// (statement-reader.ts), for the preview and again with the mapping, so the main thread never parses one.
import { randomBytes } from 'node:crypto';
import type { Order, ReconciliationReport, Reply, StatementLine, StatementMapping, StatementPreview } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { appError, fail, ok } from '../app-error';
import type { ClaimOutcome, StoredOrder } from '../storage/orders-repo';
import type { ProfilesRepo } from '../storage/profiles-repo';
import type { SettingsRepo } from '../storage/settings-repo';
import type { StatementsRepo, StoredStatementLine } from '../storage/statements-repo';
import { localDay } from '../storage/local-days';
import { hashToken, newReturnToken } from '../orders/return-tokens';
import { readStatementLines, readStatementSummary, type Refusal, type StatementFile } from './statement-reader';
import { detectMapping } from './statement-headers';
import { missingColumns, type ParsedStatement } from './statement-lines';
import { consoleLog, errorText, type Log } from '../log/log';

const HELD_FILES = 4;
const HELD_MS = 30 * 60_000;
/** The unclaimed list shows the newest lines; older ones come back as these are settled. */
const UNCLAIMED_LIMIT = 1000;
const REQUIRED = ['transactionId', 'amount', 'time'] as const;
/** The report lists this many of the lines not imported (and counts them all): what a page can show. */
const REJECTED_SHOWN = 200;

export type ReconciliationDeps = {
  statements: StatementsRepo;
  profiles: ProfilesRepo;
  settings: SettingsRepo;
  /** This counter: an order made from a statement line records the counter that made it. */
  counterId: string;
  now: () => string;
  /** The order service's own helpers: an order the shopkeeper may change, and "announce this change". */
  writable(ref: string): Promise<Reply<StoredOrder>>;
  changed(order: StoredOrder): Order;
  /** Where imports are recorded (started, finished with counts, refused, stopped): the core's log. */
  log?: Log;
};

export type ReconciliationService = ReturnType<typeof createReconciliationService>;

const mappingKey = (profileId: number) => `statementMapping:${profileId}`;

export function createReconciliationService(deps: ReconciliationDeps) {
  const held = new Map<string, { profileId: number; file: StatementFile; headers: string[]; until: number }>();
  const log = deps.log ?? consoleLog;

  const activeProfile = () => deps.profiles.active();

  /** The profile's remembered mapping when the file has its columns, else the guess from the headers. */
  const remembered = (profileId: number) => deps.settings.get<StatementMapping>(mappingKey(profileId));
  const suggest = (remembered: StatementMapping | null, headers: string[]): Partial<StatementMapping> | null => {
    if (remembered && missingColumns(headers, remembered) === null) return remembered;
    const guessed = detectMapping(headers);
    return Object.keys(guessed).length ? guessed : null;
  };

  /** Reads every line in the worker with the mapping `choose` makes of its columns, then records them. */
  const importLines = async (
    profileId: number,
    file: StatementFile,
    choose: (headers: string[]) => StatementMapping | Refusal,
  ): Promise<Reply<ReconciliationReport>> => {
    // The file's kind and size, not its name: a name the shop gave it may be a customer's.
    const what = `a ${/\.xlsx$/i.test(file.name) ? 'XLSX' : 'CSV'} statement of ${file.bytes.length} bytes`;
    log.info('import_started', `importing ${what}.`);
    const read = await readStatementLines(file, choose);
    if (!read.ok) {
      log.warn('import_refused', `${what} was not imported (${read.message.code}).`);
      return fail(appError('invalid_input', read.message, { field: read.field ?? null }));
    }
    if ((await activeProfile())?.id !== profileId) return fail(appError('invalid_input', say('statement_profile_changed')));
    try {
      const report = await record(profileId, file.name, read.parsed, read.mapping);
      log.info('import_finished', `imported ${what}: ${importCounts(report)}.`);
      return ok(report);
    } catch (error) {
      // Whole chunks of it are in; the rest waits for the same file again, which skips the lines already in.
      log.error('import_failed', `an import of ${what} stopped: ${errorText(error)}`);
      return fail(appError('internal', say('statement_import_stopped', { file: file.name })));
    }
  };

  const record = async (
    profileId: number,
    fileName: string,
    parsed: ParsedStatement,
    mapping: StatementMapping,
  ): Promise<ReconciliationReport> => {
    const outcome = await deps.statements.importStatement(
      { profileId, fileName, mapping, rows: parsed.rows, lines: parsed.lines, rejected: parsed.rejected },
      deps.now(),
    );
    await deps.settings.set(mappingKey(profileId), mapping);
    const day = (instant: string | null) => (instant ? localDay(new Date(instant)) : null);
    return {
      lines: parsed.rows,
      imported: outcome.imported,
      alreadyKnown: outcome.alreadyKnown + parsed.repeats,
      rejected: outcome.rejected.slice(0, REJECTED_SHOWN),
      rejectedCount: outcome.rejected.length,
      verified: outcome.verified,
      amountMismatch: outcome.amountMismatch,
      missing: outcome.missing,
      unclaimed: outcome.unclaimed,
      coversFrom: day(outcome.coversFrom),
      coversTo: day(outcome.coversTo),
    };
  };

  /** An unclaimed line of the active profile, or why not. */
  const unclaimedLine = async (lineId: number): Promise<Reply<StoredStatementLine>> => {
    const profile = await activeProfile();
    const line = await deps.statements.line(lineId);
    if (!profile || !line || line.profileId !== profile.id) return fail(appError('not_found', say('unclaimed_line_not_found')));
    if (line.orderRef) {
      return fail(appError('invalid_input', say('unclaimed_line_settled', { transactionId: line.transactionId, ref: line.orderRef })));
    }
    return ok(line);
  };

  const settle = (outcome: ClaimOutcome, line: StoredStatementLine): Reply<Order> => {
    switch (outcome.kind) {
      case 'done':
        return ok(deps.changed(outcome.order));
      case 'held':
        return fail(appError('invalid_input', say('unclaimed_transaction_held', { transactionId: line.transactionId, ref: outcome.ref })));
      case 'stale':
        return fail(appError('invalid_input', say('unclaimed_changed_meanwhile')));
    }
  };

  return {
    /** Reads a picked file and holds it for the import; the reply is what the mapping screen shows. */
    async preview(file: StatementFile): Promise<Reply<StatementPreview>> {
      const profile = await activeProfile();
      if (!profile) return fail(appError('not_configured', say('statement_no_profile')));
      const read = await readStatementSummary(file);
      if (!read.ok) return fail(appError('invalid_input', read.message));
      const { headers, preview, rows } = read.summary;
      const now = Date.now();
      for (const [token, entry] of held) if (entry.until <= now) held.delete(token);
      while (held.size >= HELD_FILES) held.delete(held.keys().next().value!);
      const token = randomBytes(24).toString('base64url');
      held.set(token, { profileId: profile.id, file, headers, until: now + HELD_MS });
      return ok({
        token,
        fileName: file.name,
        headers,
        rows: preview,
        totalRows: rows,
        suggested: suggest(await remembered(profile.id), headers),
      });
    },

    async importStatement(token: string, mapping: StatementMapping): Promise<Reply<ReconciliationReport>> {
      const entry = held.get(token);
      if (!entry || entry.until <= Date.now()) {
        held.delete(token);
        return fail(appError('not_found', say('statement_closed')));
      }
      if ((await activeProfile())?.id !== entry.profileId) return fail(appError('invalid_input', say('statement_profile_changed')));
      const absent = missingColumns(entry.headers, mapping);
      if (absent) return fail(appError('invalid_input', absent, { field: 'mapping' }));
      // Taken while it is read and imported, so the same statement is not imported twice at once; back if that fails.
      held.delete(token);
      const report = await importLines(entry.profileId, entry.file, () => mapping);
      if (!report.ok) held.set(token, entry);
      return report;
    },

    /**
     * For the command line: reads and imports a file in one go, with the mapping given, else the remembered or
     * guessed one; a required column it cannot find is an invalid_input naming the headers found.
     */
    async importFile(file: StatementFile, given: Partial<StatementMapping> | null): Promise<Reply<ReconciliationReport>> {
      const profile = await activeProfile();
      if (!profile) return fail(appError('not_configured', say('statement_no_profile')));
      const kept = await remembered(profile.id);
      return importLines(profile.id, file, (headers) => {
        // A column may be named by its header or by its number (1 is the first).
        const named = Object.fromEntries(
          Object.entries(given ?? {}).map(([field, column]) => [
            field,
            column && !headers.includes(column) && /^\d+$/.test(column) ? (headers[Number(column) - 1] ?? column) : column,
          ]),
        );
        const mapping = { ...suggest(kept, headers), ...named };
        const unknown = REQUIRED.filter((field) => !mapping[field]);
        if (unknown.length === 0) return mapping as StatementMapping;
        return { ok: false, field: 'mapping', message: say('statement_columns_unknown', { fields: unknown, headers }) };
      });
    },

    async listUnclaimed(): Promise<Reply<{ lines: StatementLine[] }>> {
      const profile = await activeProfile();
      if (!profile) return ok({ lines: [] });
      return ok({
        lines: (await deps.statements.unclaimed(profile.id, UNCLAIMED_LIMIT)).map((line) => ({
          id: line.id,
          transactionId: line.transactionId,
          amountMinor: line.amountMinor,
          time: line.occurredAt,
          sender: line.sender,
          reference: line.reference,
          orderRef: line.orderRef,
        })),
      });
    },

    /** The customer paid but never came back: their pending (or lapsed) order takes the statement's payment. */
    async attach(lineId: number, ref: string): Promise<Reply<Order>> {
      const line = await unclaimedLine(lineId);
      if (!line.ok) return line;
      const order = await deps.writable(ref);
      if (!order.ok) return order;
      const { value: target } = order;
      if (target.profileId !== line.value.profileId) return fail(appError('invalid_input', say('unclaimed_order_other_profile', { ref })));
      if (target.status === 'paid') return fail(appError('invalid_input', say('unclaimed_order_paid', { ref })));
      if (target.amountMinor !== line.value.amountMinor) {
        return fail(
          appError(
            'invalid_input',
            say('unclaimed_amount_differs', {
              transactionId: line.value.transactionId,
              lineAmountMinor: line.value.amountMinor,
              ref,
              orderAmountMinor: target.amountMinor,
            }),
          ),
        );
      }
      return settle(await deps.statements.attach(lineId, target.id, deps.now()), line.value);
    },

    /** A payment with no order at all becomes a paid order of its own. */
    async record(lineId: number, customerName: string | undefined): Promise<Reply<Order>> {
      const line = await unclaimedLine(lineId);
      if (!line.ok) return line;
      if ((await deps.profiles.get(line.value.profileId)).removed) {
        return fail(appError('forbidden', say('unclaimed_profile_removed')));
      }
      const outcome = await deps.statements.record(
        lineId,
        {
          customerName: customerName ?? null,
          returnTokenHash: hashToken(newReturnToken()),
          cancelTokenHash: hashToken(newReturnToken()),
          counterId: deps.counterId,
        },
        deps.now(),
      );
      return settle(outcome, line.value);
    },
  };
}

/** A report's figures, for the log. */
function importCounts(report: ReconciliationReport): string {
  const { lines, imported, alreadyKnown, rejectedCount, verified, amountMismatch, missing, unclaimed } = report;
  return `${lines} lines, ${imported} new, ${alreadyKnown} already known, ${rejectedCount} not read; ${verified} verified, ${amountMismatch} amount differs, ${missing} missing from the statement, ${unclaimed} unclaimed`;
}
