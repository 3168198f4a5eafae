import { useState } from 'react';
import type { AppError, ShopDetails } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';

type Props = {
  logoDataUrl: string | null;
  onChanged(shop: ShopDetails): void;
};

/** The receipt logo. PayDesk's own window shows the file dialog; this page never sees a file path. */
export function ShopLogo({ logoDataUrl, onChanged }: Props) {
  const { t, say } = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function run(channel: 'chooseShopLogo' | 'removeShopLogo') {
    setBusy(true);
    setError(null);
    const reply = await callPaydesk(channel, {});
    setBusy(false);
    if (reply.ok) onChanged(reply.value);
    else setError(reply.error);
  }

  return (
    <div className="field shop-logo">
      <span className="label" id="logo-label">
        {t.logo} <span className="optional">{t.optional}</span>
      </span>
      <div className="logo-row">
        <div className="logo-frame">
          {logoDataUrl ? <img src={logoDataUrl} alt={t.logoAlt} /> : <span className="muted">{t.noLogo}</span>}
        </div>
        <div className="logo-actions">
          <button type="button" className="secondary" onClick={() => run('chooseShopLogo')} disabled={busy}>
            {t.chooseLogo}
          </button>
          {logoDataUrl && (
            <button type="button" className="secondary" onClick={() => run('removeShopLogo')} disabled={busy}>
              {t.removeLogo}
            </button>
          )}
        </div>
      </div>
      <p className="field-hint">{t.logoHint}</p>
      {error &&
        (error.kind === 'invalid_input' ? (
          <p className="field-error" role="alert">
            {say(error)}
          </p>
        ) : (
          <ErrorAlert error={error} />
        ))}
    </div>
  );
}
