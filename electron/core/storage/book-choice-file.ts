// This computer's choice of order book, in <dataDir>/order-book.json beside the SQLite file (0600, replaced whole).
// A PostgreSQL choice keeps its password as API keys are kept: encrypted by the OS key store, with the store that
// wrote it, and never in plain text. Without a store that may keep it, the choice is saved without its password,
// and reading it gives an empty one (opening the book then says to enter it again).
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { OrderBookTls, type Message } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { writeFileAtomically } from '../files/atomic-file';
import { SQLITE_BOOK, type BookChoice } from './book-choice';

/** What the OS key store offers (the vault's Cipher, setup/api-key-vault.ts, is one). */
export type PasswordCipher = {
  isAvailable(): boolean;
  backend(): string;
  encrypt(plain: string): Buffer;
  decrypt(ciphertext: Buffer): string;
};

/** A choice read, or why it cannot be (a sentence naming the file). */
export type ReadChoice = { ok: true; choice: BookChoice } | { ok: false; message: Message };

export const BOOK_CHOICE_FILE = 'order-book.json';

const SavedPassword = z.object({ backend: z.string(), ciphertext: z.base64() });

const ChoiceFile = z.discriminatedUnion('engine', [
  z.object({ engine: z.literal('sqlite') }),
  z.object({
    engine: z.literal('postgres'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    database: z.string().min(1),
    user: z.string().min(1),
    tls: OrderBookTls,
    ca: z.string().nullable(),
    password: SavedPassword.nullable(),
  }),
]);
type ChoiceFile = z.infer<typeof ChoiceFile>;

export type SavedChoice =
  | {
      ok: true;
      /** False when this computer cannot keep the password: the choice was saved without it. */
      passwordKept: boolean;
      /** What to tell the shopkeeper about it (the password was not kept), if anything. */
      notice: Message | null;
    }
  | { ok: false; message: Message };

/** The saved choice; SQLite where none was ever saved. A file that is there but cannot be read is an error, never SQLite. */
export async function readBookChoice(dataDir: string, cipher: PasswordCipher | null): Promise<ReadChoice> {
  const file = join(dataDir, BOOK_CHOICE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? null;
    if (code === 'ENOENT') return { ok: true, choice: SQLITE_BOOK };
    return { ok: false, message: say('storage_choice_unreadable', { file, code }) };
  }
  const saved = ChoiceFile.safeParse(parsedJson(text));
  if (!saved.success) return { ok: false, message: say('storage_choice_damaged', { file }) };
  const choice = saved.data;
  if (choice.engine === 'sqlite') return { ok: true, choice: SQLITE_BOOK };
  const { engine, password, ...connection } = choice;
  return { ok: true, choice: { engine, connection: { ...connection, password: password === null ? '' : decrypted(password, cipher) } } };
}

/**
 * Saves the choice for the next start. The password is kept where the vault would keep an API key (`mayKeep`: a
 * strong key store, or a weak one the shop accepted) and the cipher can encrypt; otherwise it is left out, and said so.
 */
export async function saveBookChoice(
  dataDir: string,
  cipher: PasswordCipher | null,
  choice: BookChoice,
  { mayKeep }: { mayKeep: boolean },
): Promise<SavedChoice> {
  const file = join(dataDir, BOOK_CHOICE_FILE);
  let saved: ChoiceFile = { engine: 'sqlite' };
  let passwordKept = true;
  if (choice.engine === 'postgres') {
    const { password, ...connection } = choice.connection;
    passwordKept = password === '' || (mayKeep && cipher?.isAvailable() === true);
    const kept =
      password !== '' && passwordKept ? { backend: cipher!.backend(), ciphertext: cipher!.encrypt(password).toString('base64') } : null;
    saved = { engine: 'postgres', ...connection, password: kept };
  }
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFileAtomically(file, `${JSON.stringify(saved, null, 2)}\n`);
  } catch (error) {
    return { ok: false, message: say('storage_choice_not_written', { file, code: (error as NodeJS.ErrnoException).code ?? null }) };
  }
  return { ok: true, passwordKept, notice: passwordKept ? null : say('storage_password_session_only') };
}

/** The password, when this computer's key store wrote it and can read it; else none (it is asked for again). */
function decrypted(password: z.infer<typeof SavedPassword>, cipher: PasswordCipher | null): string {
  // As with API keys (Signal's rule): a secret another store wrote is never guessed at.
  if (!cipher?.isAvailable() || cipher.backend() !== password.backend) return '';
  try {
    return cipher.decrypt(Buffer.from(password.ciphertext, 'base64'));
  } catch {
    return '';
  }
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
