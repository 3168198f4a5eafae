import type { ReactNode } from 'react';
import type { AppError } from '../../shared/contract';
import { needsBaseUrlHint } from './base-url-hint';
import { MessageText } from './data-text';
import { useLanguage } from './i18n/language-provider';
import { languageOf } from './language-of';

type Props = {
  error: AppError;
  /** A way out, such as a button to the setting at fault. */
  children?: ReactNode;
};

/** An error reply for the shopkeeper: PayDesk's sentence, and the gateway's own words verbatim when it gave any. */
export function ErrorAlert({ error, children }: Props) {
  const { t } = useLanguage();
  const hint = needsBaseUrlHint(error) ? t.baseUrlHint : null;
  return (
    <div className="alert" role="alert">
      <p className="alert-message">
        <MessageText message={error} />
      </p>
      {error.gatewayMessage && (
        <figure className="gateway-message">
          <figcaption>{t.gatewaySaid}</figcaption>
          <blockquote lang={languageOf(error.gatewayMessage)}>{error.gatewayMessage}</blockquote>
        </figure>
      )}
      {hint && <p className="alert-hint">{hint}</p>}
      {children && <div className="alert-actions">{children}</div>}
    </div>
  );
}
