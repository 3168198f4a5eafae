import type { AppError } from '../../shared/contract';
import { languageOf } from './language-of';

/** An error reply for the shopkeeper: PayDesk's sentence, and the gateway's own words verbatim when it gave any. */
export function ErrorAlert({ error }: { error: AppError }) {
  return (
    <div className="alert" role="alert">
      <p className="alert-message">{error.message}</p>
      {error.gatewayMessage && (
        <figure className="gateway-message">
          <figcaption>The gateway said:</figcaption>
          <blockquote lang={languageOf(error.gatewayMessage)}>{error.gatewayMessage}</blockquote>
        </figure>
      )}
    </div>
  );
}
