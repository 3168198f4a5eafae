// The return listener's words: where it can listen, why it is down, Check return address, the phone test, the
// tunnel PayDesk runs, and the pages a customer's browser sees when it comes back.
import type { Phrasebook } from '../catalog';

/** Why the return listener could not start on its address. */
export type ListenerDownCause = 'port_in_use' | 'port_forbidden' | 'address_not_here' | 'failed';
type Down = { cause: ListenerDownCause; host: string; port: number; error: string | null };
type Answered = { host: string; status: number };

const CANNOT = 'PayDesk cannot take payments:';

export const listener = {
  // ---- where it listens ----
  listen_address_label: (p: { interface: string; kind: 'this_computer' | 'other_devices' }) =>
    p.kind === 'this_computer' ? 'This computer only' : `${p.interface} — other devices on this network`,
  listen_exposes_network: (p: { host: string }) =>
    `Listening on ${p.host} lets other devices on that network reach PayDesk’s return page; a payment still needs its secret link, but use this only on a network you trust.`,
  listen_exposes_every_network: (p: { host: string }) =>
    `Listening on ${p.host} opens PayDesk’s return page to every network this computer is on, including any public Wi-Fi it joins; a payment still needs its secret link, but choose this only if you trust all of those networks.`,

  // ---- why it is down (each a sentence of its own: the banner, a refused link and the CLI all say it as is) ----
  listener_down: (p: Down) => {
    switch (p.cause) {
      case 'port_in_use':
        return `${CANNOT} port ${p.port} on ${p.host} is already used by another program (is PayDesk already running?). Close that program, or choose another port in Settings.`;
      case 'port_forbidden':
        return `${CANNOT} this computer does not let it use port ${p.port}. Choose a port above 1024 in Settings.`;
      case 'address_not_here':
        return `${CANNOT} the address ${p.host} does not belong to this computer. Choose another address in Settings.`;
      case 'failed':
        return `${CANNOT} its return address could not start on ${p.host} port ${p.port} (${p.error ?? 'no reason given'}).`;
    }
  },
  phone_test_elsewhere: () =>
    'A phone test needs the return address of this PayDesk window, and it runs in another program (“paydesk listen”) now.',

  // ---- Check return address ----
  return_check_no_listener_detail: () => 'PayDesk has no return address: it is not running.',
  return_check_invalid: (p: { text: string }) =>
    `“${p.text}” is not a web address starting with https:// or http://; correct the public return address in Settings.`,
  return_check_loopback_warning: (p: { host: string }) =>
    `The return address ${p.host} is this computer itself: a customer who pays on a phone is sent back to the phone, not to PayDesk. Choose where customers pay in Settings.`,
  return_check_plain_http: () =>
    'This public return address starts with http://, so each order’s secret would cross the internet unencrypted; use your tunnel’s https:// address.',
  return_check_heard_detail: (p: Answered & { ms: number }) => `PayDesk heard the check through ${p.host} (HTTP ${p.status}, ${p.ms} ms).`,
  return_check_heard_public: (p: { host: string }) => `Customers can come back to PayDesk through ${p.host}: PayDesk heard itself there.`,
  return_check_heard_own: (p: { host: string }) => `PayDesk heard itself at ${p.host}.`,
  return_check_not_heard_detail: (p: Answered) => `${p.host} answered HTTP ${p.status}, but PayDesk never heard the check.`,
  return_check_redirected: (p: Answered & { location: string; listenerUrl: string }) =>
    `The check reached a server at ${p.host} (it answered HTTP ${p.status}), but not PayDesk: it redirects to “${p.location}”, and a customer’s return must not depend on a redirect; use the address it redirects to as the public return address, or point it straight at ${p.listenerUrl}.`,
  return_check_host_rewritten: (p: Answered & { listenerUrl: string }) =>
    `The check reached a server at ${p.host} (it answered HTTP ${p.status}), but not PayDesk under the name it was sent to: a proxy that rewrites the Host header makes PayDesk refuse the request. Have it pass the return address’s own host name (for nginx: proxy_set_header Host $host;), or point it at ${p.listenerUrl}.`,
  return_check_other_program: (p: Answered) =>
    `The check reached a server at ${p.host} (it answered HTTP ${p.status}), but not PayDesk: another program (or another copy of PayDesk with another order book) answers there. Close it, or choose another port in Settings.`,
  return_check_not_pointed: (p: Answered & { listenerUrl: string }) =>
    `The check reached a server at ${p.host} (it answered HTTP ${p.status}), but not PayDesk: point your tunnel or proxy at ${p.listenerUrl}, where PayDesk listens.`,

  // ---- who can come back from a link (said before it is handed out) ----
  reach_this_computer: (p: { sandbox: boolean }) =>
    p.sandbox
      ? 'The sandbox is on this computer only: a phone can neither open this link nor come back to PayDesk. Open it here with “Open in browser”, or choose phones on the shop’s Wi-Fi.'
      : 'A customer who pays on a phone will not come back to PayDesk: this link returns to this computer only, so the order would stay Pending.',
  reach_shop_network: () =>
    'Only a phone on the shop’s Wi-Fi comes back to PayDesk: a customer on mobile data can pay, but the order stays Pending. Ask the customer to join the Wi-Fi first.',
  reach_unreachable: () =>
    'No customer will come back to PayDesk from this link: it brings them back to an address this computer no longer has (the network gave it another).',

  // ---- the Cloudflare tunnel PayDesk runs ----
  tunnel_name_missing: () => 'Type the name you gave your tunnel with “cloudflared tunnel create”.',
  tunnel_name_dash: () => 'A tunnel name cannot start with “-”.',
  tunnel_name_invalid: () =>
    'A tunnel name has at most 64 letters, digits, “-” and “_”, with no spaces: the name you gave “cloudflared tunnel create”.',
  tunnel_needs_return_address: () => 'Save the public return address your tunnel serves first; then PayDesk can run the tunnel.',
  tunnel_not_installed: () =>
    'PayDesk cannot find cloudflared on this computer. Install it from Cloudflare, then PayDesk can run your tunnel.',
  tunnel_listener_elsewhere: () =>
    'PayDesk’s return address is served by another program, so a tunnel started here would have nothing to pass customers to.',
  tunnel_gone: () => 'PayDesk cannot start the tunnel again: cloudflared is no longer on this computer.',
  tunnel_would_not_start: (p: { code: string | null }) =>
    `PayDesk could not start cloudflared${p.code === null ? '' : ` (${p.code})`}: check that it is installed properly.`,

  // ---- the pages a customer's browser sees ----
  page_paid_title: () => 'Payment received',
  page_paid_body: (p: { ref: string; amountMinor: number }, f) =>
    `Thank you. Your payment of ${f.money(p.amountMinor)} for order ${p.ref} is recorded.`,
  page_paid_transaction: (p: { transactionId: string }) => `Transaction ID: ${p.transactionId}`,
  page_close: () => 'You can close this page.',
  page_cancelled_title: () => 'Payment cancelled',
  page_cancelled_body: (p: { ref: string }) => `Order ${p.ref} was not paid. Nothing was charged.`,
  page_cancelled_again: () => 'Ask the shop for a new payment link if you want to pay.',
  page_already_paid_title: () => 'Already paid',
  page_already_paid_body: (p: { ref: string }) => `Order ${p.ref} is already paid. Nothing more was charged.`,
  page_conflict_title: () => 'Please show this to the shop',
  page_conflict_body: (p: { ref: string }) =>
    `Order ${p.ref} already has a different payment recorded, so this one was not accepted. The shop has been told.`,
  page_not_found_title: () => 'Link not recognised',
  page_not_found_body: () => 'This payment link is not one PayDesk made, or it was copied incompletely. Nothing was recorded.',
  page_bad_return_title: () => 'Payment reference missing',
  page_bad_return_body: () =>
    'The gateway did not send a usable payment reference, so nothing was recorded. Please show this page to the shop.',
  page_refused_title: () => 'Not available',
  page_refused_body: () => 'This address serves payment returns only.',
  page_unavailable_title: () => 'Please try again',
  page_unavailable_body: () => 'PayDesk could not record this just now. Please reload this page in a moment; nothing is lost.',
  // Taken while the shop's shared order book could not be reached: kept on the shop's computer, written to the book later.
  page_waiting_title: () => 'Thank you',
  page_waiting_body: () =>
    'PayDesk has received your payment’s confirmation and is writing it to the shop’s order book. You do not need to do anything more.',
  page_cancel_waiting_title: () => 'Payment not completed',
  page_cancel_waiting_body: () =>
    'You left the payment page, and the shop will see it. Ask the shop for a new payment link if you want to pay.',
  page_too_many_title: () => 'Please wait a moment',
  page_too_many_body: () => 'Too many requests came from this address. Please reload this page in a minute; nothing is lost.',
  page_probe_title: () => 'PayDesk heard this check',
  page_probe_body: () => 'PayDesk’s return address received this request.',
  page_phone_title: () => 'PayDesk can hear this phone',
  page_phone_body: () =>
    'This phone reached PayDesk at the shop, so a customer paying on a phone like this one comes back to PayDesk after paying.',
  page_phone_used_title: () => 'This test was already used',
  page_phone_used_body: () => 'PayDesk heard the first device that opened this test page. To test again, start a new test in PayDesk.',
} satisfies Phrasebook;
