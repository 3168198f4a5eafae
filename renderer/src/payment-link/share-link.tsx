import { useState } from 'react';
import { SHARE_VIAS, type AppError, type Order, type ShareVia } from '../../../shared/contract';
import { DataText } from '../data-text';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { TextField } from '../text-field';
import { PrintQr } from './print-qr';

/**
 * A pending link for a customer who is not at the counter: WhatsApp, SMS or e-mail opens with the message written
 * (shop, amount, link) in the shop's language, and the shopkeeper presses Send there. The core writes the address
 * and the main process hands it only to those apps; the page names the app and the phone number, nothing more.
 */
export function ShareLink({ order }: { order: Order }) {
  const { t, say } = useLanguage();
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState<ShareVia | null>(null);
  const [opened, setOpened] = useState<ShareVia | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const phoneError = error?.field === 'to' ? error : null;

  async function send(via: ShareVia) {
    setBusy(via);
    setOpened(null);
    setError(null);
    const reply = await callPaydesk('shareLink', { ref: order.ref, via, to: via === 'email' ? undefined : phone });
    setBusy(null);
    if (reply.ok) setOpened(via);
    else setError(reply.error);
  }

  return (
    <div className="share-link">
      <section className="share-send" aria-labelledby="share-title" aria-busy={busy !== null}>
        <h3 id="share-title">{t.shareTitle}</h3>
        <TextField
          id="share-phone"
          label={t.sharePhone}
          value={phone}
          onChange={setPhone}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          maxLength={40}
          optional
          error={phoneError && say(phoneError)}
          hint={t.sharePhoneHint}
        />
        <div className="share-actions">
          {SHARE_VIAS.map((via) => (
            <button key={via} type="button" className="secondary" onClick={() => send(via)} disabled={busy !== null}>
              {t.shareVia[via]}
            </button>
          ))}
        </div>
        <p className="share-outcome" role="status">
          {opened && t.shareOpened[opened]}
          {!opened && order.customerEmail && <DataText text={t.shareEmailTo(order.customerEmail)} data={[order.customerEmail]} />}
        </p>
        {error && !phoneError && <ErrorAlert error={error} />}
      </section>
      <PrintQr order={order} />
    </div>
  );
}
