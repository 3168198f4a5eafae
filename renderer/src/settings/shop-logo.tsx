import { useState } from 'react';
import type { AppError, ShopDetails } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { callPaydesk } from '../paydesk-call';

type Props = {
  logoDataUrl: string | null;
  onChanged(shop: ShopDetails): void;
};

/** The receipt logo. PayDesk's own window shows the file dialog; this page never sees a file path. */
export function ShopLogo({ logoDataUrl, onChanged }: Props) {
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
        Logo <span className="optional">(optional)</span>
      </span>
      <div className="logo-row">
        <div className="logo-frame">
          {logoDataUrl ? <img src={logoDataUrl} alt="The shop’s logo" /> : <span className="muted">No logo</span>}
        </div>
        <div className="logo-actions">
          <button type="button" className="secondary" onClick={() => run('chooseShopLogo')} disabled={busy}>
            Choose logo…
          </button>
          {logoDataUrl && (
            <button type="button" className="secondary" onClick={() => run('removeShopLogo')} disabled={busy}>
              Remove logo
            </button>
          )}
        </div>
      </div>
      <p className="field-hint">Printed at the top of receipts: a PNG, JPEG or WebP picture of at most 512 KB.</p>
      {error &&
        (error.kind === 'invalid_input' ? (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        ) : (
          <ErrorAlert error={error} />
        ))}
    </div>
  );
}
