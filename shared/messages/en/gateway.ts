// The gateway client's refusals and Check connection's steps. The steps for name, connection, certificate and
// answer are shared with Check return address, so they say what to check in the words of their `subject`.
import type { Phrasebook } from '../catalog';
import type { Formats } from '../formats';

/** What a check is about: the gateway (Check connection), or the way back through a tunnel or to the listener itself. */
export type CheckSubject = 'gateway' | 'tunnel' | 'listener';
type Of = { subject: CheckSubject };
type Place = { host: string; port: number };

const ADDRESS: Record<CheckSubject, string> = {
  gateway: 'the Base URL',
  tunnel: 'the public return address',
  listener: 'the return address',
};
const SERVER: Record<CheckSubject, string> = { gateway: 'the gateway', tunnel: 'your tunnel or proxy', listener: 'PayDesk' };
const ADMIN: Record<CheckSubject, string> = {
  gateway: 'the gateway’s administrator',
  tunnel: 'whoever runs your tunnel or proxy',
  listener: 'whoever set up this computer',
};
const REAL: Record<CheckSubject, string> = { gateway: 'gateway', tunnel: 'tunnel or proxy', listener: 'PayDesk' };

const seconds = (n: number, f: Formats) => `${f.count(n)} second${n === 1 ? '' : 's'}`;
const listed = (items: readonly string[], f: Formats) => new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(items);
const where = ({ host, port }: Place) => `${host} port ${port}`;
const issuer = (name: string | null) => (name === null ? 'an unnamed authority' : `“${name}”`);
const answered = (status: number, text: string | null) => `HTTP ${status}${text ? ` (${text})` : ''}`;
const certificateNames = (names: readonly string[], more: number, f: Formats) =>
  names.length === 0 ? 'no name at all' : more > 0 ? `${names.join(', ')} and ${f.count(more)} more` : listed(names, f);
const NOT_MADE = 'so no payment link was made';

export const gateway = {
  // ---- Check connection: the address ----
  check_url_missing_detail: () => 'No Base URL was given.',
  check_url_missing: () => 'Type the gateway’s Base URL first; copy it from the gateway’s API Settings page.',
  check_url_invalid_detail: (p: { text: string }) => `“${p.text}” is not a web address starting with https:// or http://.`,
  check_url_invalid: (p: { text: string }) =>
    `“${p.text}” is not a web address starting with https:// or http://; copy the Base URL again from the gateway’s API Settings page.`,
  check_url_credentials_detail: () => 'The Base URL has a user name or password in it.',
  check_url_credentials: () =>
    'The Base URL has a user name or password in it (the part before “@”); remove that part, because PayDesk sends the API key instead.',
  check_url_ok: (p: { host: string; encrypted: boolean }) =>
    `${p.host} is ${p.encrypted ? 'an encrypted (https)' : 'an unencrypted (http)'} web address.`,
  check_url_plain_http: () =>
    'This Base URL starts with http://, so the API key and every payment request would cross the network unencrypted, where others could read them; use the gateway’s https:// address for a live profile.',

  // ---- the name ----
  check_dns_numeric: (p: { host: string }) => `${p.host} is a numeric address, so there is no name to look up.`,
  check_dns_found: (p: { host: string; addresses: string[] }, f) => `${p.host} is at ${listed(p.addresses, f)}.`,
  check_dns_not_found_detail: (p: { host: string }) => `No address was found for ${p.host}.`,
  check_dns_not_found: (p: { host: string } & Of) =>
    `PayDesk could not find ${p.host}: check the spelling of ${ADDRESS[p.subject]} and that this computer is connected to the internet.`,
  check_dns_no_answer_detail: (p: { host: string; seconds: number | null; code: string | null }, f) =>
    `The name ${p.host} could not be looked up ${p.seconds === null ? `(${p.code ?? 'no answer'})` : `within ${seconds(p.seconds, f)}`}.`,
  check_dns_no_answer: (p: { host: string }) =>
    `PayDesk could not look up ${p.host} because the name server did not answer: check that this computer is connected to the internet, then try again.`,

  // ---- the connection ----
  check_tcp_ok: (p: Place) => `Connected to ${where(p)}.`,
  check_tcp_timeout_detail: (p: Place & { seconds: number }, f) =>
    `${where(p)} did not accept a connection within ${seconds(p.seconds, f)}.`,
  check_tcp_timeout: (p: Place & { seconds: number } & Of, f) =>
    `${where(p)} did not accept a connection within ${seconds(p.seconds, f)}: check the internet connection, the port in ${ADDRESS[p.subject]}, and any firewall between this computer and ${SERVER[p.subject]}.`,
  check_tcp_refused_detail: (p: Place) => `Nothing is accepting connections at ${where(p)}.`,
  check_tcp_refused: (p: Place & Of) =>
    `Nothing is accepting connections at ${where(p)}: check the port in ${ADDRESS[p.subject]} and that ${SERVER[p.subject]} is running.`,
  check_tcp_no_route_detail: (p: Place) => `There is no network route to ${where(p)}.`,
  check_tcp_no_route: (p: Place & Of) =>
    `This computer has no network route to ${where(p)}: check that it is connected to the internet or to ${SERVER[p.subject]}’s network.`,
  check_tcp_failed_detail: (p: Place & { code: string | null }) => `The connection to ${where(p)} failed (${p.code ?? 'no reason given'}).`,
  check_tcp_failed: (p: Place) => `The connection to ${where(p)} failed: check the internet connection and try again.`,

  // ---- the certificate ----
  check_tls_ok: (p: { host: string; validTo: string; issuer: string | null }, f) =>
    `The security certificate of ${p.host} is valid until ${f.date(p.validTo)}, issued by ${issuer(p.issuer)}.`,
  check_tls_timeout_detail: (p: { host: string; seconds: number }, f) =>
    `${p.host} did not finish the secure connection within ${seconds(p.seconds, f)}.`,
  check_tls_timeout: (p: { host: string; seconds: number }, f) =>
    `${p.host} did not finish setting up a secure connection within ${seconds(p.seconds, f)}: check the internet connection and try again.`,
  check_tls_expired_detail: (p: { host: string; validTo: string }, f) =>
    `The security certificate of ${p.host} expired on ${f.date(p.validTo)}.`,
  check_tls_expired: (p: { host: string; validTo: string } & Of, f) =>
    `The security certificate of ${p.host} expired on ${f.date(p.validTo)}, so PayDesk cannot trust the connection: check that this computer’s date is right, and if it is, ask ${ADMIN[p.subject]} to renew the certificate.`,
  check_tls_not_yet_detail: (p: { host: string; validFrom: string }, f) =>
    `The security certificate of ${p.host} is valid only from ${f.date(p.validFrom)}.`,
  check_tls_not_yet: (p: { host: string; validFrom: string }, f) =>
    `The security certificate of ${p.host} is valid only from ${f.date(p.validFrom)}, so PayDesk cannot trust the connection yet: check that this computer’s date and time are right.`,
  check_tls_self_signed_detail: (p: { host: string } & Of) =>
    `The security certificate of ${p.host} is self-signed: nobody vouches that it belongs to the real ${REAL[p.subject]}.`,
  check_tls_self_signed: (p: { host: string } & Of) =>
    `The security certificate of ${p.host} is self-signed, so nobody vouches that this is the real ${REAL[p.subject]}: ask ${ADMIN[p.subject]} to install a certificate from a recognised authority such as Let’s Encrypt.`,
  check_tls_wrong_name_detail: (p: { host: string; names: string[]; more: number }, f) =>
    `The security certificate shown at ${p.host} is for ${certificateNames(p.names, p.more, f)}, not for ${p.host}.`,
  check_tls_wrong_name: (p: { host: string; names: string[]; more: number } & Of, f) =>
    `The security certificate shown at ${p.host} is for ${certificateNames(p.names, p.more, f)}, not for ${p.host}: check the spelling of ${ADDRESS[p.subject]}, or ask ${ADMIN[p.subject]} to fix the certificate.`,
  check_tls_untrusted_detail: (p: { host: string; issuer: string | null }) =>
    `The security certificate of ${p.host} was issued by ${issuer(p.issuer)}, which this computer does not trust.`,
  check_tls_untrusted: (p: { host: string; issuer: string | null } & Of) =>
    `The security certificate of ${p.host} was issued by ${issuer(p.issuer)}, which this computer does not trust (or the server leaves out part of its certificate chain): ask ${ADMIN[p.subject]} to install a certificate from a recognised authority, with its full chain.`,
  check_tls_unverified_detail: (p: { host: string; code: string }) =>
    `The security certificate of ${p.host} could not be verified (${p.code}).`,
  check_tls_unverified: (p: { host: string; code: string } & Of) =>
    `The security certificate of ${p.host} could not be verified (${p.code}), so PayDesk cannot trust the connection: ask ${ADMIN[p.subject]} to check the certificate.`,
  check_tls_reset_detail: (p: Place) => `${where(p)} closed the connection while setting up https.`,
  check_tls_reset: (p: Place & Of) =>
    `${where(p)} closed the connection while setting up a secure (https) connection: check whether ${ADDRESS[p.subject]} should start with http:// instead, and the port.`,
  check_tls_not_https_detail: (p: Place & { code: string }) => `${where(p)} does not speak https (${p.code}).`,
  check_tls_not_https: (p: Place & Of) =>
    `${where(p)} does not answer in https: check whether ${ADDRESS[p.subject]} should start with http:// instead of https://, and the port.`,

  // ---- the answer ----
  check_http_redirect_detail: (p: { status: number; statusText: string | null; location: string }) =>
    `The gateway answered ${answered(p.status, p.statusText)}, a redirect to “${p.location}”, which PayDesk did not follow.`,
  check_http_redirect_warning: (p: { location: string }) =>
    `The gateway sends this address on to “${p.location}”; payment links are never made through a redirect, so use that address’s start as the Base URL if the gateway’s API Settings page agrees.`,
  check_http_server_error_detail: (p: { status: number; statusText: string | null }) =>
    `The gateway answered ${answered(p.status, p.statusText)}, an error on its own side.`,
  check_http_server_error_warning: (p: { status: number }) =>
    `The gateway’s server reported an error of its own (HTTP ${p.status}); payment links may fail until its administrator fixes it.`,
  check_http_ok_detail: (p: { status: number; statusText: string | null }) =>
    `The gateway answered ${answered(p.status, p.statusText)}; any answer shows it is reachable.`,
  check_http_timeout_detail: (p: { host: string; seconds: number }, f) =>
    `${p.host} accepted the connection but gave no answer within ${seconds(p.seconds, f)}.`,
  check_http_timeout: (p: { host: string; seconds: number } & Of, f) =>
    `${p.host} accepted the connection but gave no answer within ${seconds(p.seconds, f)}: check the port in ${ADDRESS[p.subject]}, and try again in a few minutes in case ${SERVER[p.subject]} is busy.`,
  check_http_not_web_detail: (p: { host: string }) => `${p.host} answered, but not as a web server (HTTP).`,
  check_http_not_web: (p: { host: string } & Of) =>
    `${p.host} answered, but not as a web server: check the port in ${ADDRESS[p.subject]}, and whether it should start with http or https.`,
  check_http_hung_up_detail: (p: { host: string }) => `${p.host} closed the connection without answering.`,
  check_http_hung_up: (p: { host: string } & Of) =>
    `${p.host} closed the connection without answering: check the port in ${ADDRESS[p.subject]}, and whether it should start with http or https.`,
  check_http_failed_detail: (p: { host: string; code: string | null }) =>
    `The request to ${p.host} failed (${p.code ?? 'no reason given'}).`,
  check_http_failed: (p: { host: string }) => `The request to ${p.host} failed: check the internet connection and try again.`,
  check_connected: (p: { host: string }) => `Connected to ${p.host}: the gateway answers.`,

  // ---- a payment link the gateway would not make (its own words are kept beside, verbatim) ----
  gateway_refused: () => `The gateway refused the request, ${NOT_MADE}.`,
  gateway_refused_silently: () => `The gateway refused the request without saying why, ${NOT_MADE}.`,
  gateway_refused_domain_mismatch: () =>
    `The gateway refused the request because the Base URL is not the one it has on file, ${NOT_MADE}. Compare the Base URL in PayDesk with the Base URL on the gateway’s API Settings page character by character, including any slash at the end: they must be exactly the same.`,
  gateway_refused_api_key: () => `The gateway refused the request, ${NOT_MADE}. Check the API key on the gateway’s API Settings page.`,
  gateway_unauthorized: () => `The gateway did not accept the API key, ${NOT_MADE}; check the API key on the gateway’s API Settings page.`,
  gateway_server_error: (p: { status: number }) =>
    `The gateway had a problem of its own (HTTP ${p.status}), ${NOT_MADE}; try again in a few minutes, and if it keeps happening tell the gateway’s administrator.`,
  gateway_malformed: () =>
    `The gateway’s answer was not a payment link PayDesk understands, ${NOT_MADE}; check that the Base URL is the one on the gateway’s API Settings page (it usually ends in /api).`,
  gateway_redirect: (p: { host: string }) =>
    `The gateway at ${p.host} answered with a redirect instead of a payment link, ${NOT_MADE}; check the Base URL, including whether it starts with http or https.`,
  gateway_too_large: () =>
    'The gateway sent back far more data than a payment link needs, so PayDesk stopped reading and no payment link was made; check the Base URL.',
  gateway_timeout: () =>
    'The gateway did not answer in time, so PayDesk has no payment link for this sale; check the internet connection and try again.',
  gateway_link_too_long: (p: { host: string; length: number; max: number }, f) =>
    `The gateway at ${p.host} answered with a payment link ${f.count(p.length)} characters long, more than the ${f.count(p.max)} a link can be, ${NOT_MADE}; ask the gateway’s administrator.`,
  gateway_link_user_info: (p: { host: string }) =>
    `The gateway at ${p.host} answered with a payment link that hides where it really leads (a name and @ before its address), ${NOT_MADE}; ask the gateway’s administrator.`,
  gateway_link_not_web: (p: { host: string }) =>
    `The gateway at ${p.host} answered with a payment link that is not a web address, ${NOT_MADE}.`,
  gateway_link_hidden_characters: (p: { host: string }) =>
    `The gateway at ${p.host} answered with a payment link holding characters that would make it read as another address, ${NOT_MADE}; ask the gateway’s administrator.`,
  gateway_base_url_invalid: (p: { baseUrl: string }) =>
    `The Base URL “${p.baseUrl}” is not a web address starting with http:// or https://, ${NOT_MADE}; copy it again from the gateway’s API Settings page.`,
  gateway_certificate: (p: { host: string }) =>
    `The gateway at ${p.host} did not show a valid security certificate, so PayDesk did not send the request and no payment link was made; check the Base URL, or ask the gateway’s administrator to renew the certificate.`,
  gateway_tls: (p: { host: string }) =>
    `PayDesk could not set up a secure connection to ${p.host} because of a security certificate or https problem, ${NOT_MADE}; check whether the Base URL should start with http or https.`,
  gateway_not_found: (p: { host: string }) =>
    `PayDesk could not find the gateway at ${p.host}, ${NOT_MADE}; check the spelling of the Base URL and the internet connection.`,
  gateway_connection_refused: (p: { host: string }) =>
    `Nothing is accepting connections at ${p.host}, ${NOT_MADE}; check the Base URL, including the port, and that the gateway is running.`,
  gateway_connection_failed: (p: { host: string }) =>
    `The connection to the gateway at ${p.host} failed, so PayDesk has no payment link for this sale; check the internet connection and try again.`,
} satisfies Phrasebook;
