export function electronSqliteBindingPath(appRoot: string, electronVersion: string, platform: string, arch: string): string;
