import { useEffect, useState, type Ref } from 'react';
import type { BindAddress } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';

const OTHER = '__other__';
const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\]|(.+\.)?localhost)$/i;

/** Whether only this computer can reach the address. */
export function isLoopback(host: string, addresses: BindAddress[]): boolean {
  const known = addresses.find((address) => address.address === host.trim());
  return known ? known.loopback : LOOPBACK.test(host.trim());
}

/** This computer's addresses, loopback first; empty until they arrive (or if they cannot be listed). */
export function useBindAddresses(): BindAddress[] {
  const [addresses, setAddresses] = useState<BindAddress[]>([]);
  useEffect(() => {
    let current = true;
    void callPaydesk('listBindAddresses', {}).then((reply) => {
      if (current && reply.ok) setAddresses(reply.value.addresses);
    });
    return () => {
      current = false;
    };
  }, []);
  return addresses;
}

type Props = {
  label: string;
  value: string;
  onChange(value: string): void;
  addresses: BindAddress[];
  error: string | null;
  /** One line on what the chosen address exposes; null for loopback. */
  warning: string | null;
  inputRef: Ref<HTMLInputElement>;
};

/** Where the return listener listens: one of the addresses offered, or one typed in. */
export function ListenAddressField({ label, value, onChange, addresses, error, warning, inputRef }: Props) {
  const { t, say } = useLanguage();
  const listed = addresses.some((address) => address.address === value);
  const [typing, setTyping] = useState(false);
  const typed = typing || !listed;
  const describedBy = [warning ? 'listen-warning' : null, error ? 'listen-host-error' : null].filter(Boolean).join(' ');

  return (
    <div className="field">
      <label htmlFor="listen-address">{label}</label>
      <select
        id="listen-address"
        value={typed ? OTHER : value}
        onChange={(event) => {
          const chosen = event.target.value;
          setTyping(chosen === OTHER);
          if (chosen !== OTHER) onChange(chosen);
        }}
        aria-describedby={describedBy || undefined}
      >
        {addresses.map((address) => (
          <option key={address.address} value={address.address}>
            {address.address} ({say(address.label)})
          </option>
        ))}
        <option value={OTHER}>{t.anotherAddress}</option>
      </select>
      {typed && (
        <>
          <label htmlFor="listen-host" className="sub-label">
            {t.addressToListenOn}
          </label>
          <input
            id="listen-host"
            ref={inputRef}
            className="mono"
            autoComplete="off"
            spellCheck={false}
            maxLength={255}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy || undefined}
          />
        </>
      )}
      {error && (
        <p className="field-error" id="listen-host-error">
          {error}
        </p>
      )}
      {warning && (
        <p className="exposure-warning" id="listen-warning">
          {warning}
        </p>
      )}
    </div>
  );
}
