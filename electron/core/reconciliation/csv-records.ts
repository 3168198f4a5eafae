// The records of a CSV text (RFC 4180, read leniently the way spreadsheets write it): quoted fields may hold the
// delimiter, doubled quotes and line breaks; a field with a quote inside it, or with text after its closing quote,
// is kept as written. Blank lines are skipped. Each record carries the line an editor shows it on and its own text.
// The caps (statement-caps.ts) are checked as the text is read, so a hostile file is refused at the first line
// that breaks one, never after building a million rows.
import type { Message } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { overCap, STATEMENT_CAPS } from './statement-caps';

export type CsvRecord = { line: number; cells: string[]; raw: string };
export type CsvRead = { ok: true; records: CsvRecord[] } | { ok: false; message: Message };

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Line breaks in `text` as an editor counts them: \r\n, \r and \n each end one line. */
function breaksIn(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

export function readCsvRecords(name: string, text: string, delimiter: string): CsvRead {
  const { lines: maxRecords, columns: maxColumns, cellLength: maxCell } = STATEMENT_CAPS;
  const separator = delimiter.charCodeAt(0);
  const length = text.length;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  /** Where the current unquoted run ends: at the delimiter, a line break or the end of the text. */
  const runEnd = (from: number) => {
    let j = from;
    for (; j < length; j++) {
      const c = text.charCodeAt(j);
      if (c === separator || c === CR || c === LF) break;
    }
    return j;
  };

  while (i < length) {
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    if (records.length === maxRecords) return { ok: false, message: overCap.lines(name) };
    const start = i;
    const cells: string[] = [];
    let quoted = false;
    for (;;) {
      let cell: string;
      const opening = i;
      if (text.charCodeAt(i) === QUOTE) {
        quoted = true;
        cell = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            return { ok: false, message: say('statement_quote_unclosed', { file: name, line: line + breaksIn(text.slice(start, i)) }) };
          }
          cell += text.slice(from, close);
          if (cell.length > maxCell) break;
          if (text.charCodeAt(close + 1) === QUOTE) {
            cell += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        // Text after the closing quote: the field was not quoted after all, and is kept as written.
        const end = runEnd(i);
        if (cell.length <= maxCell && end > i) {
          cell = text.slice(opening, end);
          i = end;
        }
      } else {
        const end = runEnd(i);
        cell = text.slice(i, end);
        i = end;
      }
      if (cell.length > maxCell) return { ok: false, message: overCap.cellLength(name, line) };
      if (cells.length === maxColumns) return { ok: false, message: overCap.columns(name, line) };
      cells.push(cell);
      if (text.charCodeAt(i) !== separator) break;
      i++;
    }
    const raw = text.slice(start, i);
    records.push({ line, cells, raw });
    if (quoted) line += breaksIn(raw);
    if (i < length) {
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
    }
  }
  return { ok: true, records };
}
