// Carries out a login-item plan (login-item.ts). The autostart entry is a plain file, written here under Node; the
// system's login items are Electron's, so they come in as `loginItems`. Called at every start and whenever the
// preferences are saved, so an entry follows an AppImage that was moved.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LoginItemPlan } from './login-item';

type LoginItemSettings = Extract<LoginItemPlan, { kind: 'login-item' }>['settings'];

export type LoginItems = {
  get(options: { path?: string; args?: string[] }): { openAtLogin: boolean };
  set(settings: LoginItemSettings): void;
};

export async function applyLoginItem(plan: LoginItemPlan, loginItems: LoginItems): Promise<void> {
  if (plan.kind === 'none') return;
  if (plan.kind === 'login-item') {
    const { openAtLogin, ...where } = plan.settings;
    // Only a change is written: Windows' Task Manager can switch the entry off, and that choice is the shopkeeper's too.
    if (loginItems.get(where).openAtLogin !== openAtLogin) loginItems.set(plan.settings);
    return;
  }
  if (plan.content === null) return rm(plan.file, { force: true });
  const current = await readFile(plan.file, 'utf8').catch(() => null);
  if (current === plan.content) return;
  await mkdir(dirname(plan.file), { recursive: true });
  await writeFile(plan.file, plan.content, { mode: 0o644 });
}
