import { useState } from 'react';
import type { AppError, VaultStatus } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';

type Props = {
  vault: VaultStatus;
  /** The choice changed where keys are kept: the profiles' key states changed with it. */
  onChanged(): Promise<void>;
};

/**
 * How this computer keeps API keys. Where it has no secure key store, keeping keys on disk anyway is the
 * shopkeeper's explicit choice, with its consequence next to it, and can be taken back.
 */
export function VaultNotice({ vault, onChanged }: Props) {
  /** The choice on its way to the core, shown at once so the box does not flick back while it travels. */
  const { t, say } = useLanguage();
  const [choosing, setChoosing] = useState<boolean | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const accepted = choosing ?? vault.weakAccepted;

  async function accept(yes: boolean) {
    setChoosing(yes);
    setError(null);
    const reply = await callPaydesk('acceptWeakKeyStorage', { accept: yes });
    if (reply.ok) await onChanged();
    else setError(reply.error);
    setChoosing(null);
  }

  return (
    <div className={`vault-notice vault-${vault.protection}`}>
      <h3>{t.whereKeysKept}</h3>
      <p>{say(vault.sentence)}</p>
      {vault.protection === 'weak' && (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={accepted}
              disabled={choosing !== null}
              onChange={(event) => accept(event.target.checked)}
              aria-describedby="weak-consequence"
            />
            {t.keepWeak}
          </label>
          <p className="field-hint" id="weak-consequence">
            {accepted ? t.weakAccepted : t.weakNotAccepted}
          </p>
        </>
      )}
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
