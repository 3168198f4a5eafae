// Small named values kept in the order book (JSON), for what the app, the CLI and every counter must agree on.

export interface SettingsRepo {
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}
