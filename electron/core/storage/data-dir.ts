// The app and the CLI share one order book, so both must find the same folder. This is the folder
// Electron's app.getPath('userData') gives for an app named "PayDesk"; main sets it explicitly from here.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'PayDesk';
export const DATABASE_FILE = 'paydesk.db';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.PAYDESK_DATA_DIR) return env.PAYDESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}
