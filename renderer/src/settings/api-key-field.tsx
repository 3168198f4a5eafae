import type { Ref } from 'react';
import type { ProfileView, VaultStatus } from '../../../shared/contract';
import type { Messages } from '../i18n/english';
import { DataText } from '../data-text';
import { useLanguage } from '../i18n/language-provider';

type KeyView = ProfileView['apiKey'];

/** The key's state in the shopkeeper's words. */
export function keyStateWords(key: KeyView, protection: VaultStatus['protection'] | undefined, t: Messages): string {
  return key.state === 'saved' && protection === 'weak' ? t.keyState.savedWeak : t.keyState[key.state];
}

type Props = {
  /** The saved key's state; null while adding a profile. */
  saved: KeyView | null;
  protection: VaultStatus['protection'] | undefined;
  /** Other counters work on this order book: the key is said to be this computer's alone. */
  sharedBook: boolean;
  value: string;
  onChange(value: string): void;
  error: string | null;
  inputRef: Ref<HTMLInputElement>;
};

/**
 * Write-only: a saved key is never shown or filled in, only its last four characters, so the key cannot be
 * read off the screen or out of the page. Typing a key replaces the saved one.
 */
export function ApiKeyField({ saved: state, protection, sharedBook, value, onChange, error, inputRef }: Props) {
  const { t } = useLanguage();
  const elsewhere = state?.heldElsewhere ?? [];
  const kept = state?.state === 'saved' || state?.state === 'session';
  const perComputer =
    state?.state === 'missing' && elsewhere.length > 0 ? 'elsewhere' : kept && (sharedBook || elsewhere.length > 0) ? 'here' : null;
  return (
    <div className="field">
      <label htmlFor="api-key">{t.apiKey}</label>
      {state && (
        <p className="key-state" id="api-key-state" data-state={state.state}>
          {state.hint && (
            <span className="mono key-hint" translate="no">
              {state.hint}
            </span>
          )}{' '}
          {keyStateWords(state, protection, t)}
        </p>
      )}
      {/* A key is encrypted by one computer's key store, which no other computer can read: each counter enters its own. */}
      {perComputer === 'elsewhere' && (
        <p className="key-per-computer" id="api-key-per-computer" role="note">
          <DataText text={t.keyHeldElsewhere(elsewhere.map((name) => `“${name}”`))} data={elsewhere} />
        </p>
      )}
      {perComputer === 'here' && (
        <p className="field-hint key-per-computer" id="api-key-per-computer">
          {t.keyKeptHere}
        </p>
      )}
      <input
        id="api-key"
        ref={inputRef}
        type="password"
        autoComplete="off"
        spellCheck={false}
        maxLength={512}
        placeholder={state?.hint ? t.apiKeyReplacePlaceholder : t.apiKeyNewPlaceholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[
          state ? 'api-key-state' : null,
          perComputer ? 'api-key-per-computer' : null,
          error ? 'api-key-error' : 'api-key-hint',
        ]
          .filter(Boolean)
          .join(' ')}
      />
      {error ? (
        <p className="field-error" id="api-key-error">
          {error}
        </p>
      ) : (
        <p className="field-hint" id="api-key-hint">
          {t.apiKeyHint}
        </p>
      )}
    </div>
  );
}
