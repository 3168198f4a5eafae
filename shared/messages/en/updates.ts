import type { Formats } from '../formats';
import type { Phrasebook } from '../catalog';

const kb = (bytes: number, f: Formats) => `${f.count(Math.round(bytes / 1024))} KB`;

/** Looking at the shop's release feed for a newer PayDesk: what went wrong, and what to check. */
export const updates = {
  update_feed_invalid: () =>
    'The update feed must be an https:// address (plain http:// only on this computer), for example https://downloads.example.com/paydesk/.',
  update_feed_unreachable: (p: { host: string; status: number | null }, f) =>
    p.status === null
      ? `PayDesk could not reach the update feed at ${p.host}. Check the address and this computer’s internet connection.`
      : `The update feed at ${p.host} answered with an error (HTTP ${f.count(p.status)}). Try again later, or ask whoever publishes PayDesk’s updates.`,
  update_feed_timeout: (p: { host: string; seconds: number }, f) =>
    `The update feed at ${p.host} did not answer within ${f.count(p.seconds)} seconds. Try again later.`,
  update_feed_not_paydesk: (p: { host: string; file: string }) =>
    `${p.host} is not a PayDesk update feed: it has no ${p.file}. Check that the address is the folder PayDesk’s installers are published to.`,
  update_feed_malformed: (p: { host: string; file: string }) =>
    `The file ${p.file} at ${p.host} is damaged or not in the form PayDesk reads. Tell whoever publishes PayDesk’s updates.`,
  update_feed_too_large: (p: { host: string; file: string; maxBytes: number }, f) =>
    `The file ${p.file} at ${p.host} is larger than ${kb(p.maxBytes, f)}, too large for an update file; PayDesk did not read it.`,
  update_feed_redirected: (p: { host: string; location: string | null }) =>
    `The update feed at ${p.host} sent PayDesk on to ${p.location ?? 'another address'}, which PayDesk does not follow (only a few steps, and only to https:// addresses). Give the feed’s own address.`,
  update_download_missing: () => 'No newer PayDesk is known to download. Check for updates first.',
} satisfies Phrasebook;
