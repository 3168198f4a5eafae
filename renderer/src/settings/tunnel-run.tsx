import { useEffect, useState } from 'react';
import type { AppError, TunnelStatus } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';
import { DataText, MessageText } from '../data-text';
import { TextField } from '../text-field';

type Props = {
  /** The form shows the profile in use, as saved: the one whose tunnel PayDesk runs. */
  inUse: boolean;
  /** Its return listener was edited and not saved yet. */
  edited: boolean;
};

/**
 * "Run my Cloudflare tunnel with PayDesk": where the shop installed cloudflared, PayDesk runs its named tunnel
 * for the profile in use and shows how it is doing, live. Without cloudflared, it says PayDesk could.
 */
export function TunnelRun({ inUse, edited }: Props) {
  const { t, say } = useLanguage();
  const [tunnel, setTunnel] = useState<TunnelStatus | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void callPaydesk('getStatus', {}).then((reply) => {
      if (!current || !reply.ok) return;
      setTunnel(reply.value.tunnel);
      setName((typed) => typed || (reply.value.tunnel.name ?? ''));
    });
    const off = onPaydeskEvent('tunnelChanged', setTunnel);
    return () => {
      current = false;
      off();
    };
  }, []);

  if (!tunnel) return null;
  if (tunnel.state === 'not_installed') return <p className="field-hint tunnel-missing">{t.tunnelNotInstalled}</p>;

  const on = tunnel.state === 'starting' || tunnel.state === 'running';
  const blocked = !inUse ? t.tunnelInUseOnly : edited && !on ? t.tunnelSavedOnly : null;

  async function run(start: boolean) {
    setBusy(true);
    setError(null);
    const reply = start ? await callPaydesk('startTunnel', { name }) : await callPaydesk('stopTunnel', {});
    setBusy(false);
    if (reply.ok) setTunnel(reply.value);
    else setError(reply.error);
  }

  return (
    <section className="tunnel-run" aria-labelledby="tunnel-run-title">
      <h3 id="tunnel-run-title">{t.tunnelRunTitle}</h3>
      <p className="field-hint">{t.tunnelRunHint}</p>
      {blocked ? (
        <p className="proof-blocked">{blocked}</p>
      ) : (
        <>
          <TextField
            id="tunnel-name"
            label={t.tunnelName}
            className="mono"
            value={name}
            onChange={setName}
            error={error?.field === 'name' ? say(error) : null}
            hint={t.tunnelNameHint}
            readOnly={on}
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            // The field sits inside the profile form: Enter starts the tunnel, it does not save the profile.
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              if (!on && !busy) void run(true);
            }}
          />
          <div className="connection-check">
            <button type="button" className="secondary" onClick={() => run(!on)} disabled={busy}>
              {on ? t.stopTunnel : t.startTunnel}
            </button>
            <span className={`tunnel-state is-${tunnel.state}`} role="status" aria-live="polite">
              {tunnel.state === 'exited' ? (
                <DataText text={t.tunnelExited(tunnel.exitCode, tunnel.lastLine)} data={[tunnel.lastLine ?? '']} />
              ) : (
                t.tunnelState[tunnel.state]
              )}
            </span>
          </div>
          {tunnel.problem && (
            <p className="field-error">
              <MessageText message={tunnel.problem} />
            </p>
          )}
          {error && error.field !== 'name' && <ErrorAlert error={error} />}
          {tunnel.log.length > 0 && (
            <details className="tunnel-log">
              <summary>{t.tunnelLog}</summary>
              <pre translate="no">{tunnel.log.join('\n')}</pre>
            </details>
          )}
        </>
      )}
    </section>
  );
}
