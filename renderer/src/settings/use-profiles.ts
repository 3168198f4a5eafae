import { useCallback, useEffect, useState } from 'react';
import type { AppError, ProfileView, VaultStatus } from '../../../shared/contract';
import { callPaydesk } from '../paydesk-call';

export type ProfilesState = {
  profiles: ProfileView[];
  vault: VaultStatus | null;
  loading: boolean;
  error: AppError | null;
  /** Asks the core again after a change (saved, removed, switched, key storage changed). */
  reload(): Promise<void>;
};

/** Every merchant profile (removed ones too, read-only) and how this computer keeps API keys. */
export function useProfiles(): ProfilesState {
  const [state, setState] = useState<Omit<ProfilesState, 'reload'>>({ profiles: [], vault: null, loading: true, error: null });

  const reload = useCallback(async () => {
    const reply = await callPaydesk('listProfiles', {});
    setState((s) =>
      reply.ok
        ? { profiles: reply.value.profiles, vault: reply.value.vault, loading: false, error: null }
        : { ...s, loading: false, error: reply.error },
    );
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, reload };
}
