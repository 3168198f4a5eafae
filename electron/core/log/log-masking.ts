// What the log never holds, whatever a caller hands it: a line passes through here before it is written. The
// core logs refs, codes and addresses and no secrets in the first place; this is the second line of defence,
// for text that came from elsewhere (an error's message, the gateway's words).

const HIDDEN = '[hidden]';

/**
 * A return link's token and a check's nonce (/r/, /c/, /t/, /p/): whoever holds one can mark an order paid or
 * cancelled, so only the path's kind is kept. Tokens are 43 base64url characters; anything from 16 is masked.
 */
const RETURN_TOKEN = /((?:\/|\\\/|%2F)[rctp](?:\/|\\\/|%2F))[A-Za-z0-9_-]{16,}/gi;
/** Secrets in a query string, a form body or JSON (token=…, api_key=…, "api_key":"…"), an X-Api-Key header. */
const SECRET_NAMES = `(?:access_|return_|cancel_)?token|nonce|api[_-]?key|apikey|secret|password|sig|signature`;
const SECRET_PARAM = new RegExp(`\\b(${SECRET_NAMES})=[^&\\s"'<>]+`, 'gi');
const SECRET_FIELD = new RegExp(`("(?:${SECRET_NAMES})"\\s*:\\s*)"[^"]*"|\\b(x-api-key:\\s*)[^\\s"',;]+`, 'gi');
/** An Authorization header's value (whatever its scheme), as an HTTP client's error message may quote it. */
const AUTHORIZATION = /\b(authorization:?\s*(?:(?:bearer|basic|token)\s+)?|bearer\s+)[^\s"',;]+/gi;
/** Keys in the shape payment gateways give them (sk_live_…, pk_test_…). */
const KEY_SHAPE = /\b[sprk]k_(?:live|test)_[A-Za-z0-9]+/g;
/** An e-mail address, its @ also percent-encoded (a form body, a query string). */
const EMAIL = /[^\s@<>"'(),;:&=?/]+(?:@|%40)[^\s@<>"'(),;:&=?/]+\.[^\s@<>"'(),;:&=?/]+/gi;
/** A Bangladeshi mobile number (01X…, +8801X…), in Latin or Bengali digits, spaced or dashed in any group. */
const D = '[0-9০-৯]';
const PHONE = new RegExp(`(?<!${D})(?:\\+?[8৮][8৮][\\s-]?)?[0০][1১][3-9৩-৯](?:[\\s-]?${D}){8}(?!${D})`, 'g');

/**
 * `text` with every secret and every piece of customer data it can recognise masked: return tokens, secret
 * parameters, authorization headers, API keys (the `known` ones exactly, and any in a gateway key's shape),
 * e-mail addresses and phone numbers. `known` are strings the caller knows must not appear (a key, a name).
 */
export function maskSecrets(text: string, known: readonly (string | null | undefined)[] = []): string {
  let masked = text;
  for (const secret of known) {
    if (!secret || secret.length < 3) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) masked = masked.split(form).join(HIDDEN);
  }
  return masked
    .replace(RETURN_TOKEN, `$1${HIDDEN}`)
    .replace(SECRET_PARAM, `$1=${HIDDEN}`)
    .replace(SECRET_FIELD, (_match, field: string | undefined, header: string | undefined) =>
      field ? `${field}"${HIDDEN}"` : `${header}${HIDDEN}`,
    )
    .replace(AUTHORIZATION, `$1${HIDDEN}`)
    .replace(KEY_SHAPE, HIDDEN)
    .replace(EMAIL, '[e-mail]')
    .replace(PHONE, '[phone]');
}
