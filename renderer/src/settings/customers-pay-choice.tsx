import { useEffect, useRef } from 'react';
import { DEFAULT_LISTEN_HOST, type BindAddress } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { TextField } from '../text-field';
import { isLoopback, ListenAddressField } from './listen-address-field';
import { WHERE_CUSTOMERS_PAY, type DraftField, type ProfileDraft, type WhereCustomersPay } from './profile-draft';
import { PublicReturnWays } from './public-return-ways';
import { TunnelRun } from './tunnel-run';

type Props = {
  draft: ProfileDraft;
  /** Changes to the draft; the listen address and the return address follow the choice. */
  onChange(changes: Partial<ProfileDraft>): void;
  /** This computer's addresses, loopback first. */
  addresses: BindAddress[];
  errors: Partial<Record<DraftField, string>>;
  bind(name: DraftField): (element: HTMLInputElement | null) => void;
  /** What the chosen listen address exposes; null on loopback. */
  exposure: string | null;
  /** Settings was opened to choose: the choice gets the focus. */
  focus: boolean;
  /** The form shows the profile in use, and whether its listener was edited since saved (for the tunnel PayDesk runs). */
  inUse: boolean;
  edited: boolean;
};

/**
 * "Where do customers pay?", answered in words, which sets where the return listener listens and which address
 * links send customers back to: loopback, one of this computer's addresses on the shop's Wi-Fi, or a public
 * address the shop puts in front of PayDesk.
 */
export function CustomersPayChoice({ draft, onChange, addresses, errors, bind, exposure, focus, inUse, edited }: Props) {
  const { t } = useLanguage();
  const group = useRef<HTMLFieldSetElement>(null);
  const onLan = addresses.filter((address) => !address.loopback);
  const loopback = isLoopback(draft.listenHost, addresses);

  useEffect(() => {
    if (!focus) return;
    group.current?.scrollIntoView({ block: 'center' });
    const radios = group.current?.querySelectorAll<HTMLInputElement>('input[type=radio]') ?? [];
    ([...radios].find((radio) => radio.checked) ?? radios[0])?.focus();
  }, [focus]);

  const choose = (where: WhereCustomersPay) => {
    if (where === 'shop_wifi') {
      // The first address other devices can reach, unless one is chosen already.
      onChange({ where, listenHost: loopback ? (onLan[0]?.address ?? '') : draft.listenHost });
    } else {
      // A tunnel or proxy on this computer reaches PayDesk on loopback: nothing else needs to.
      onChange({ where, listenHost: loopback ? draft.listenHost : DEFAULT_LISTEN_HOST });
    }
  };

  const whereError = errors.where;
  return (
    <fieldset className="where-choice" ref={group} aria-describedby={whereError ? 'where-error' : undefined}>
      <legend>{t.whereCustomersPay}</legend>
      {WHERE_CUSTOMERS_PAY.map((where) => (
        <div key={where} className={`where-option${draft.where === where ? ' is-chosen' : ''}`}>
          <div className="where-head">
            <input
              type="radio"
              id={`where-${where}`}
              name="where-customers-pay"
              value={where}
              checked={draft.where === where}
              onChange={() => choose(where)}
              aria-describedby={`where-${where}-hint`}
              ref={where === 'this_computer' ? bind('where') : undefined}
            />
            <label htmlFor={`where-${where}`}>{t.whereOptions[where].title}</label>
          </div>
          <p className="field-hint" id={`where-${where}-hint`}>
            {t.whereOptions[where].hint}
          </p>
          {draft.where === where && where === 'shop_wifi' && (
            <div className="where-details">
              {onLan.length === 0 && <p className="exposure-warning">{t.noLanAddress}</p>}
              <ListenAddressField
                label={t.wifiAddress}
                value={draft.listenHost}
                onChange={(listenHost) => onChange({ listenHost })}
                addresses={onLan}
                error={errors.listenHost ?? null}
                warning={exposure}
                inputRef={bind('listenHost')}
              />
            </div>
          )}
          {draft.where === where && where === 'anywhere' && (
            <div className="where-details">
              <TextField
                id="return-base-url"
                label={t.publicReturnAddress}
                className="mono"
                value={draft.returnBaseUrl}
                onChange={(returnBaseUrl) => onChange({ returnBaseUrl })}
                error={errors.returnBaseUrl}
                hint={t.publicReturnHint}
                autoComplete="off"
                spellCheck={false}
                placeholder="https://pay.myshop.com.bd"
                inputRef={bind('returnBaseUrl')}
              />
              <TunnelRun inUse={inUse} edited={edited} />
              <PublicReturnWays listenHost={draft.listenHost} listenPort={draft.listenPort} />
              <details className="proxy-elsewhere" open={!loopback}>
                <summary>{t.proxyElsewhere}</summary>
                <ListenAddressField
                  label={t.listenAddress}
                  value={draft.listenHost}
                  onChange={(listenHost) => onChange({ listenHost })}
                  addresses={addresses}
                  error={errors.listenHost ?? null}
                  warning={exposure}
                  inputRef={bind('listenHost')}
                />
              </details>
            </div>
          )}
        </div>
      ))}
      {whereError && (
        <p className="field-error" id="where-error">
          {whereError}
        </p>
      )}
    </fieldset>
  );
}
