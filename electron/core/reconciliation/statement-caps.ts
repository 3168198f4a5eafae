// What a statement file may hold before PayDesk stops reading it, and the sentence for each cap. The caps are far
// above any real statement (a busy shop's month is a few thousand lines of a dozen short columns) and far below
// what would strain the statement worker.
const count = (n: number) => n.toLocaleString('en');

export const STATEMENT_CAPS = { lines: 200_000, columns: 100, cellLength: 1_000 };

/** A spreadsheet unpacks to a few times its size, in a dozen parts; a ZIP bomb to thousands of times. */
export const XLSX_CAPS = { entries: 1_000, entryBytes: 100 * 1024 * 1024, totalBytes: 120 * 1024 * 1024, ratio: 100 };

export const overCap = {
  lines: (name: string) => `${name} has more than ${count(STATEMENT_CAPS.lines)} lines; export a shorter period from the statement page.`,
  columns: (name: string, line: number) =>
    `Line ${count(line)} of ${name} has more than ${count(STATEMENT_CAPS.columns)} columns; a statement has a few, so this is not one PayDesk can read.`,
  cellLength: (name: string, line: number) =>
    `Line ${count(line)} of ${name} has a cell longer than ${count(STATEMENT_CAPS.cellLength)} characters; a statement’s cells are short, so this is not one PayDesk can read.`,
};
