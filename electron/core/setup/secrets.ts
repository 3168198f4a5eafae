// Where API keys live. Core only sees this interface: the app backs it with Electron's safeStorage, the
// CLI with the PAYDESK_API_KEY environment variable, tests and sandbox mode with memory.
/** A profile as a key's owner: the key is for its gateway's origin only (scheme, host and port of baseUrl). */
export type SecretOwner = { id: number; name: string; mode: 'live' | 'sandbox'; baseUrl: string };

export interface SecretStore {
  /** The API key for a profile, or null when none is kept. */
  get(profile: SecretOwner): Promise<string | null>;
}

/** Sandbox profiles use the sandbox's published key; every other profile asks the real store. */
export function withSandboxKey(store: SecretStore, sandboxKey: string): SecretStore {
  return {
    get: (profile) => (profile.mode === 'sandbox' ? Promise.resolve(sandboxKey) : store.get(profile)),
  };
}

/** The CLI's store: one key from the environment, for whichever profile is active. */
export function createEnvSecretStore(env: NodeJS.ProcessEnv = process.env): SecretStore {
  return {
    async get() {
      const key = env.PAYDESK_API_KEY?.trim();
      return key ? key : null;
    },
  };
}
