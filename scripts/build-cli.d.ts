export const CLI_DIR: string;
export function buildCli(): Promise<void>;
