// What the core asks of the desktop it runs on. The Electron main process implements it with shell,
// dialogs and hidden windows; the tests with temp folders and Playwright. The renderer never names a
// path: every file PayDesk writes or reads is chosen in a dialog shown here.
import type { PdfRenderer } from './exports/pdf-renderer';

// Every word handed to the platform (titles, questions, buttons) is already in the shopkeeper's language: the
// core renders its messages before asking, so the desktop side holds no words and no language of its own.

export type SaveDialog = { title: string; defaultName: string; filters: Array<{ name: string; extensions: string[] }> };

/** An open dialog's words: its title and the name of the kind of file it offers (its extensions are the platform's). */
export type OpenDialog = { title: string; filesName: string };

/** A question only the shopkeeper can answer, asked by the main process in a window of its own, never by the page. */
export type Confirmation = { title: string; message: string; detail: string; confirmLabel: string; cancelLabel: string };

export interface Platform {
  /**
   * Asks the shopkeeper to confirm a change that would send secrets or customers somewhere new; true only
   * when they chose `confirmLabel`. A compromised page can request such a change but cannot answer this.
   */
  confirm(question: Confirmation): Promise<boolean>;
  /** Opens an http(s) URL in the system browser. */
  openExternal(url: string): Promise<void>;
  /** Shows one of PayDesk's own folders (the data folder, the logs) in the system's file manager. */
  openPath(path: string): Promise<void>;
  /**
   * Hands a message to the app the system has for WhatsApp (https://wa.me), SMS (sms:) or e-mail (mailto:);
   * false when no app takes it. Anything else is refused by the main process's allow-list.
   */
  openShareLink(url: string): Promise<boolean>;
  /** The bytes of an image the shopkeeper picked (read bounded), or null when cancelled. */
  chooseLogoFile(dialog: OpenDialog): Promise<Uint8Array | null>;
  /**
   * A statement (CSV or XLSX) the shopkeeper picked: its name and bytes, read bounded (a file over
   * MAX_STATEMENT_BYTES comes back one byte longer than that, to be refused), or null when cancelled.
   */
  chooseStatementFile(dialog: OpenDialog): Promise<{ name: string; bytes: Uint8Array } | null>;
  /**
   * A CA certificate the shopkeeper picked for a PostgreSQL server (Settings › Order book): its name and bytes, read
   * bounded (a file over MAX_CA_BYTES comes back one byte longer, to be refused), or null when cancelled.
   */
  chooseCaFile(dialog: OpenDialog): Promise<{ name: string; bytes: Uint8Array } | null>;
  /** A path to save to, or null when cancelled. */
  chooseSaveFile(dialog: SaveDialog): Promise<string | null>;
  /** A folder to write into, or null when cancelled. */
  chooseFolder(title: string): Promise<string | null>;
  pdf: PdfRenderer;
  /** Shows the system print dialog for a document. */
  print(html: string): Promise<void>;
  /** Shows a document in a window of its own. */
  preview(html: string, title: string): Promise<void>;
  /** Opens the customer view in a window of its own (full screen on a second display when there is one), or closes it. */
  customerView(open: boolean): Promise<void>;
  /** Closes PayDesk (the core first, as a quit does) and starts it again, soon after answering the page. */
  restart(): Promise<void>;
}
