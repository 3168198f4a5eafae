// What a statement file may hold before PayDesk stops reading it, and the message for each cap (the cap is one of
// its params). The caps are far above any real statement (a busy shop's month is a few thousand lines of a dozen
// short columns) and far below what would strain the statement worker.
import type { Message } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';

export const STATEMENT_CAPS = { lines: 200_000, columns: 100, cellLength: 1_000 };

/** A spreadsheet unpacks to a few times its size, in a dozen parts; a ZIP bomb to thousands of times. */
export const XLSX_CAPS = { entries: 1_000, entryBytes: 100 * 1024 * 1024, totalBytes: 120 * 1024 * 1024, ratio: 100 };

export const overCap = {
  lines: (file: string): Message => say('statement_too_many_lines', { file, max: STATEMENT_CAPS.lines }),
  columns: (file: string, line: number): Message => say('statement_too_many_columns', { file, line, max: STATEMENT_CAPS.columns }),
  cellLength: (file: string, line: number): Message => say('statement_cell_too_long', { file, line, max: STATEMENT_CAPS.cellLength }),
};
