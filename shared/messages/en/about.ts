import type { Phrasebook } from '../catalog';

/** Help › About: PayDesk's own folders, shown in the system's file manager. */
export const about = {
  folder_not_opened: (p: { folder: 'data' | 'logs'; path: string }) =>
    `PayDesk could not open the ${p.folder === 'data' ? 'data folder' : 'logs folder'} (${p.path}); open it in the file manager yourself.`,
} satisfies Phrasebook;
