import type { Ref } from 'react';
import type { ProfileView, VaultStatus } from '../../../shared/contract';

type KeyView = ProfileView['apiKey'];

/** The key's state in the shopkeeper's words. */
export function keyStateWords(key: KeyView, protection: VaultStatus['protection'] | undefined): string {
  switch (key.state) {
    case 'saved':
      return protection === 'weak'
        ? 'Saved on this computer under weak protection.'
        : 'Saved, encrypted by this computer’s key store.';
    case 'session':
      return 'Kept until PayDesk closes; you will need to enter it again next time.';
    case 'missing':
      return 'Missing: no payment links can be made with this profile until you enter it.';
    case 'needs_reentry':
      return 'This computer’s key store changed, so the saved key cannot be read: enter the key again.';
    case 'not_needed':
      return 'Not needed: the sandbox has no API key.';
  }
}

type Props = {
  /** The saved key's state; null while adding a profile. */
  saved: KeyView | null;
  protection: VaultStatus['protection'] | undefined;
  value: string;
  onChange(value: string): void;
  error: string | null;
  inputRef: Ref<HTMLInputElement>;
};

/**
 * Write-only: a saved key is never shown or filled in, only its last four characters, so the key cannot be
 * read off the screen or out of the page. Typing a key replaces the saved one.
 */
export function ApiKeyField({ saved: state, protection, value, onChange, error, inputRef }: Props) {
  return (
    <div className="field">
      <label htmlFor="api-key">API key</label>
      {state && (
        <p className="key-state" id="api-key-state" data-state={state.state}>
          {state.hint && <span className="mono key-hint">{state.hint}</span>} {keyStateWords(state, protection)}
        </p>
      )}
      <input
        id="api-key"
        ref={inputRef}
        type="password"
        autoComplete="off"
        spellCheck={false}
        maxLength={512}
        placeholder={state?.hint ? 'Type a new key only to replace the saved one' : 'Paste the key from the API Settings page'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[state ? 'api-key-state' : null, error ? 'api-key-error' : 'api-key-hint'].filter(Boolean).join(' ')}
      />
      {error ? (
        <p className="field-error" id="api-key-error">
          {error}
        </p>
      ) : (
        <p className="field-hint" id="api-key-hint">
          The secret key on your gateway’s API Settings page. PayDesk never shows it again once saved.
        </p>
      )}
    </div>
  );
}
