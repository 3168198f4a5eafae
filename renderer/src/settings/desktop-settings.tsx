import { useState } from 'react';
import type { AppError, Preferences } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';

type Switches = Pick<Preferences, 'keepRunning' | 'startAtLogin'>;

/** Whether closing the window keeps PayDesk running, and whether it starts with the computer. Each change is saved at once. */
export function DesktopSettings() {
  const { t, preferences, savePreferences } = useLanguage();
  const [error, setError] = useState<AppError | null>(null);
  /** The choice on its way to the core, shown at once so the box does not flick back while it travels. */
  const [turning, setTurning] = useState<Partial<Switches>>({});
  const keepRunning = turning.keepRunning ?? preferences.keepRunning;
  const startAtLogin = turning.startAtLogin ?? preferences.startAtLogin;

  async function turn(change: Partial<Switches>) {
    setTurning(change);
    const reply = await savePreferences({ ...preferences, ...change });
    setTurning({});
    setError(reply.ok ? null : reply.error);
  }

  return (
    <div className="desktop-settings">
      <Switch
        name="keep-running"
        label={t.keepRunningLabel}
        hint={keepRunning ? t.keepRunningHint : t.keepRunningOffHint}
        checked={keepRunning}
        onTurn={(on) => turn({ keepRunning: on })}
      />
      <Switch
        name="start-at-login"
        label={t.startAtLoginLabel}
        hint={t.startAtLoginHint}
        checked={startAtLogin}
        onTurn={(on) => turn({ startAtLogin: on })}
      />
      {error && <ErrorAlert error={error} />}
    </div>
  );
}

function Switch({
  name,
  label,
  hint,
  checked,
  onTurn,
}: {
  name: string;
  label: string;
  hint: string;
  checked: boolean;
  onTurn(on: boolean): void;
}) {
  return (
    <div className="desktop-switch">
      <label className="checkbox">
        <input
          type="checkbox"
          name={name}
          checked={checked}
          aria-describedby={`${name}-hint`}
          onChange={(event) => onTurn(event.target.checked)}
        />
        {label}
      </label>
      <p className="field-hint" id={`${name}-hint`}>
        {hint}
      </p>
    </div>
  );
}
