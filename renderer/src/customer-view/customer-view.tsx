import { useEffect, type CSSProperties } from 'react';
import type { CustomerDisplay } from '../../../shared/contract';
import type { Language } from '../../../shared/messages/catalog';
import { formatsFor } from '../../../shared/messages/formats';
import { ErrorAlert } from '../error-alert';
import { bengali } from '../i18n/bengali';
import { english, type Messages } from '../i18n/english';
import { languageOf } from '../language-of';
import { callPaydesk } from '../paydesk-call';
import { QrCode } from '../qr-code';
import { useCustomerDisplay } from './use-customer-display';

const WORDS: Record<Language, Messages> = { en: english, bn: bengali };

/**
 * The screen turned to the customer (the page at #customer): the shop while the counter waits, the amount and a
 * large QR code of the link just made, then PAID with the amount and the transaction id. It says each thing in the
 * shop's language and again, smaller, in the other one: the customer may read either. The language comes with each
 * display, so a change in Settings reaches a customer view already open. Esc closes it.
 */
export function CustomerView() {
  const state = useCustomerDisplay();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void callPaydesk('customerView', { open: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (state.kind === 'loading') return <main className="customer-view" />;
  if (state.kind === 'failed') {
    return (
      <main className="customer-view">
        <ErrorAlert error={state.error} />
      </main>
    );
  }
  const { display } = state;
  const { language } = display.shop;
  return (
    <main className={`customer-view is-${display.kind}`} data-display={display.kind} aria-live="polite" lang={language}>
      <Shop shop={display.shop} large={display.kind === 'idle'} />
      <Sale display={display} language={language} />
    </main>
  );
}

function Shop({ shop, large }: { shop: CustomerDisplay['shop']; large: boolean }) {
  const t = WORDS[shop.language];
  return (
    <header className={large ? 'customer-shop is-large' : 'customer-shop'}>
      {shop.logoDataUrl && <img className="customer-logo" src={shop.logoDataUrl} alt={t.logoAlt} />}
      {shop.name && (
        <h1 className="customer-shop-name" lang={languageOf(shop.name)} translate="no">
          {shop.name}
        </h1>
      )}
    </header>
  );
}

/** Words in the shop's language, then the same in the other; the second is marked so no translator doubles it. */
function Both({ say, language, className }: { say(words: Messages): string; language: Language; className: string }) {
  const other: Language = language === 'bn' ? 'en' : 'bn';
  return (
    <p className={className}>
      <span className="customer-first">{say(WORDS[language])}</span>
      <span className="customer-second" lang={other} translate="no">
        {say(WORDS[other])}
      </span>
    </p>
  );
}

function Sale({ display, language }: { display: CustomerDisplay; language: Language }) {
  const t = WORDS[language];
  // Amounts only: the clock does not matter here.
  const formats = formatsFor(language, '12h');
  if (display.kind === 'idle') {
    return <Both say={(w) => w.customerWelcome} language={language} className="customer-welcome" />;
  }
  const money = formats.money(display.amountMinor);
  const amount = (
    <p className="customer-amount" style={{ '--amount-chars': money.length } as CSSProperties}>
      {money}
    </p>
  );
  const sandbox = display.sandbox && <Both say={(w) => w.customerSandbox} language={language} className="customer-sandbox" />;
  if (display.kind === 'link') {
    return (
      <section className="customer-sale">
        <QrCode url={display.paymentUrl} label={t.qrLabel} caption="" size={480} className="customer-qr" />
        <div className="customer-words">
          {amount}
          <Both say={(w) => w.customerScanToPay} language={language} className="customer-scan" />
          {sandbox}
        </div>
      </section>
    );
  }
  return (
    <section className="customer-paid">
      <p className="customer-tick" aria-hidden="true">
        ✓
      </p>
      <Both say={(w) => w.customerPaid} language={language} className="customer-paid-words" />
      {amount}
      {display.transactionId && (
        <p className="customer-transaction">
          {t.customerTransaction}{' '}
          <span className="mono" translate="no">
            {display.transactionId}
          </span>
        </p>
      )}
      {sandbox}
      <Both say={(w) => w.customerThanks} language={language} className="customer-thanks" />
    </section>
  );
}
