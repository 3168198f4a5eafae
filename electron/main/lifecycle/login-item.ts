// "Start PayDesk when this computer starts": a login item where the system keeps them (Windows' Run key, macOS's login
// items, through app.setLoginItemSettings), an XDG autostart entry elsewhere (~/.config/autostart/paydesk.desktop).
// A start at login opens hidden, to the tray or the Dock: nobody asked for the window then, and the return address is
// answering all the same. Windows and Linux cannot tell a login start from a double-click, so their entries carry
// HIDDEN_START_FLAG; macOS says so itself (wasOpenedAtLogin). Pure: login-item-apply.ts writes what this decides.
import { isAbsolute, join } from 'node:path';

/** The argument a start at login carries, so PayDesk opens to the tray instead of its window. */
export const HIDDEN_START_FLAG = '--hidden';

export const AUTOSTART_FILE_NAME = 'paydesk.desktop';

export type LoginItemPlan =
  /** app.setLoginItemSettings, and the same path and args for app.getLoginItemSettings. */
  | { kind: 'login-item'; settings: { openAtLogin: boolean; path?: string; args?: string[] } }
  /** The autostart entry to write at `file`, or to remove (null). */
  | { kind: 'autostart-entry'; file: string; content: string | null }
  /** A development run (`npm start`) registers nothing: the system would start a checkout's Electron at every login. */
  | { kind: 'none' };

export type LoginItemContext = {
  platform: NodeJS.Platform;
  packaged: boolean;
  /** process.execPath: the installed executable. */
  execPath: string;
  /** The environment: APPIMAGE (an AppImage's own path) and XDG_CONFIG_HOME. */
  env: Readonly<Record<string, string | undefined>>;
  home: string;
};

export function loginItemPlan(openAtLogin: boolean, { platform, packaged, execPath, env, home }: LoginItemContext): LoginItemPlan {
  if (!packaged) return { kind: 'none' };
  if (platform === 'darwin') return { kind: 'login-item', settings: { openAtLogin } };
  if (platform === 'win32') return { kind: 'login-item', settings: { openAtLogin, path: execPath, args: [HIDDEN_START_FLAG] } };
  // An AppImage runs from a mount that is gone once it exits: the entry names the AppImage file itself.
  const program = env.APPIMAGE || execPath;
  return {
    kind: 'autostart-entry',
    file: autostartFile(env, home),
    content: openAtLogin ? autostartEntry([program, HIDDEN_START_FLAG]) : null,
  };
}

/** Where the XDG Autostart specification looks: $XDG_CONFIG_HOME/autostart, ~/.config/autostart when that is unset or relative. */
export function autostartFile(env: LoginItemContext['env'], home: string): string {
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'autostart', AUTOSTART_FILE_NAME);
}

/** The desktop entry that starts `command` at login. "PayDesk" is the brand, so the entry holds no words of any language. */
export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    'Name=PayDesk',
    `Exec=${escapeString(command.map(execArgument).join(' '))}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Whether this start opens hidden: a start at login, as the entry's flag or macOS says. */
export function startsHidden({
  argv,
  platform,
  openedAtLogin,
}: {
  argv: readonly string[];
  platform: NodeJS.Platform;
  openedAtLogin: boolean;
}): boolean {
  return argv.includes(HIDDEN_START_FLAG) || (platform === 'darwin' && openedAtLogin);
}

// The Desktop Entry specification's Exec key: an argument with a reserved character is quoted, and inside the quotes
// `"`, `` ` ``, `$` and `\` take a backslash; a literal % is %%. The whole value is then escaped as any string value
// (a backslash doubled again, so a path's `\` is written `\\\\`), because readers undo that escape first.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

function execArgument(argument: string): string {
  const quoted = argument === '' || RESERVED.test(argument) ? `"${argument.replace(/["`$\\]/g, (c) => `\\${c}`)}"` : argument;
  return quoted.replaceAll('%', '%%');
}

function escapeString(value: string): string {
  return value.replace(/[\\\n\t\r]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[c]!);
}
