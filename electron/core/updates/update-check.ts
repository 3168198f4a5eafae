// "Is there a newer PayDesk?": asks the shop's release feed only while the shop has turned the setting on and
// given a feed, and only tells: nothing is downloaded or installed. The app asks at start and once a day after;
// Settings' "Check now" asks at once. A check never throws and never blocks anything: what went wrong is an
// error value, kept beside the last answer so Settings can say it, while the header stays quiet.
import { errorText, type Log } from '../log/log';
import { version as packageVersion } from '../../../package.json';
import type { AppError, Preferences, Reply, UpdateCheck, UpdateStatus } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { appError, fail, ok } from '../app-error';
import type { CoreEvents } from '../core-events';
import type { EventBus } from '../event-bus';
import {
  createReleaseFeed,
  downloadUrl,
  FEED_LIMITS,
  feedFolder,
  releaseFileName,
  type FeedFailure,
  type FeedLimits,
} from './release-feed';
import { downloadFor, readReleaseFile, type DownloadTarget } from './release-file';
import { compareVersions, parseVersion } from './version-order';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export type UpdateCheckOptions = {
  /** Ask at start (when the setting is on) and once a day while running: the app does; the CLI asks never. */
  scheduled?: boolean;
  /** How long an answer holds before the next scheduled look (default a day; a failed look is retried hourly). */
  everyMs?: number;
  /** The version running (default package.json's, which is what the installer carries). */
  version?: string;
  /** Which installer to offer (default this computer's: an AppImage run is offered the AppImage). */
  target?: DownloadTarget;
  limits?: Partial<FeedLimits>;
};

export type UpdateChecker = {
  /** Asks the feed now, unless the setting is off or a look is already under way (then its answer is shared). */
  check(): Promise<Reply<UpdateCheck>>;
  /** What the last look found, without asking. */
  status(): UpdateStatus;
  /** The https download the last look found, or null. */
  download(): string | null;
  close(): Promise<void>;
};

type Deps = { preferences: () => Preferences; events: EventBus<CoreEvents>; log: Log };

/** The last look, for the feed it asked: a new feed address starts with nothing known. */
type Last = { feed: string; check: UpdateCheck | null; problem: AppError | null; answeredAt: number | null; triedAt: number };

export function createUpdateChecker(deps: Deps, options: UpdateCheckOptions = {}): UpdateChecker {
  const limits = { ...FEED_LIMITS, ...options.limits };
  const feed = createReleaseFeed(limits);
  const running = options.version ?? packageVersion;
  const runningVersion = parseVersion(running);
  if (!runningVersion) throw new Error(`PayDesk's own version ${running} is not a semantic version.`);
  const target = options.target ?? { platform: process.platform, arch: process.arch, appImage: Boolean(process.env.APPIMAGE) };
  const everyMs = options.everyMs ?? DAY_MS;
  const file = releaseFileName(target.platform, target.arch);
  let last: Last | null = null;
  let underWay: { feed: string; answer: Promise<Reply<UpdateCheck>> } | null = null;

  /** The feed asked for, or null while the setting is off or no feed is given. */
  const wanted = (): string | null => {
    const { updateChecks, updateFeedUrl } = deps.preferences();
    return updateChecks && updateFeedUrl.trim() !== '' ? updateFeedUrl.trim() : null;
  };

  function status(): UpdateStatus {
    const asked = wanted();
    if (asked === null) return { check: { state: 'off' }, problem: null };
    return last?.feed === asked ? { check: last.check, problem: last.problem } : { check: null, problem: null };
  }

  const announce = () => deps.events.emit('updateStatus', status());

  async function look(address: string): Promise<Reply<UpdateCheck>> {
    const triedAt = Date.now();
    const kept = last?.feed === address ? last : null;
    const answer = await ask(address).catch((error: unknown) => {
      // A fault of PayDesk's own, not the feed's: said as such, and never a rejection a timer would leave unhandled.
      deps.log.error('update_check_failed', `the update check failed: ${errorText(error)}`);
      return fail<UpdateCheck>(appError('internal', say('internal_error')));
    });
    last = answer.ok
      ? { feed: address, check: answer.value, problem: null, answeredAt: triedAt, triedAt }
      : { feed: address, check: kept?.check ?? null, problem: answer.error, answeredAt: kept?.answeredAt ?? null, triedAt };
    announce();
    return answer;
  }

  async function ask(address: string): Promise<Reply<UpdateCheck>> {
    const folder = feedFolder(address);
    if (!folder) return fail(appError('invalid_input', say('update_feed_invalid'), { field: 'updateFeedUrl' }));
    const host = folder.host;
    const answer = await feed.fetch(new URL(file, folder));
    if (!answer.ok) return fail(feedError(answer.failure, host, file, limits));
    const reading = readReleaseFile(answer.text);
    if (!reading.ok) {
      return fail(
        reading.problem === 'not_release'
          ? appError('not_found', say('update_feed_not_paydesk', { host, file }))
          : appError('malformed_response', say('update_feed_malformed', { host, file })),
      );
    }
    const { release } = reading;
    const checkedAt = new Date().toISOString();
    const offered = parseVersion(release.version)!;
    // A shop on a release is not offered a pre-release (as electron-updater's allowPrerelease is off by default for it).
    const trial = offered.prerelease.length > 0 && runningVersion!.prerelease.length === 0;
    if (trial || compareVersions(offered, runningVersion!) <= 0) return ok({ state: 'current', version: running, checkedAt });
    const download = downloadFor(release, target);
    return ok({
      state: 'available',
      version: release.version,
      running,
      downloadUrl: download === null ? null : downloadUrl(download, folder),
      releaseDate: release.releaseDate,
      checkedAt,
    });
  }

  function check(): Promise<Reply<UpdateCheck>> {
    const address = wanted();
    if (address === null) {
      announce();
      return Promise.resolve(ok({ state: 'off' }));
    }
    if (underWay?.feed === address) return underWay.answer;
    const answer = look(address).finally(() => {
      if (underWay?.answer === answer) underWay = null;
    });
    underWay = { feed: address, answer };
    return answer;
  }

  /** Due when on and the last answer (or, after a failure, the last try) is old enough. */
  function due(now: number): boolean {
    const address = wanted();
    if (address === null || underWay) return false;
    if (last?.feed !== address) return true;
    return last.answeredAt !== null && last.problem === null
      ? now - last.answeredAt >= everyMs
      : now - last.triedAt >= Math.min(everyMs, HOUR_MS);
  }

  let timer: NodeJS.Timeout | null = null;
  if (options.scheduled) {
    if (due(Date.now())) void check();
    // Ticks by the wall clock rather than one long timer, so a computer that slept through the day still looks.
    timer = setInterval(() => due(Date.now()) && void check(), Math.min(everyMs, HOUR_MS));
    timer.unref();
  }

  return {
    check,
    status,
    download: () => (last?.feed === wanted() && last?.check?.state === 'available' ? last.check.downloadUrl : null),
    async close() {
      if (timer) clearInterval(timer);
      // The look under way ends at once (its answer is a timeout nobody reads), so a slow feed never holds a quit.
      const closed = feed.close();
      await underWay?.answer;
      await closed;
    },
  };
}

function feedError(failure: FeedFailure, host: string, file: string, limits: FeedLimits): AppError {
  switch (failure.kind) {
    case 'unreachable':
      return appError('network', say('update_feed_unreachable', { host, status: failure.status }));
    case 'timeout':
      return appError('timeout', say('update_feed_timeout', { host, seconds: Math.max(1, Math.round(limits.timeoutMs / 1000)) }));
    case 'not_release':
      return appError('not_found', say('update_feed_not_paydesk', { host, file }));
    case 'too_large':
      return appError('response_too_large', say('update_feed_too_large', { host, file, maxBytes: limits.maxBytes }));
    case 'redirected':
      return appError('network', say('update_feed_redirected', { host, location: failure.to }));
  }
}
