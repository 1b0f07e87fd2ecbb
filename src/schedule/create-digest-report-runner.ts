import type { AccessControl } from '../access/access-control';
import { authorizeDigestRun } from '../access/authorize-digest-run';
import { type ActionOptions, buildReportActions } from '../chat/report-actions';
import { parseCommand } from '../commands/parse-command';
import { CommandError } from '../core/errors';
import type { Reply } from '../core/reply';
import { composeReportReply } from '../report/compose-reply';
import type { ReportService } from '../report/report-service';
import type { DigestCreatorResolver } from './digest-creator-resolver';
import type { DigestPlatform, DigestSchedule } from './digest-schedule';
import { resolveDigestCreator } from './resolve-digest-creator';
import { type DigestLocaleReaders, resolveDigestLocale } from './resolve-digest-locale';

export interface DigestReportRunnerOptions {
  reports: Pick<ReportService, 'runReport' | 'describeUnknownDns'>;
  weekStart: 'monday' | 'sunday';
  maxPeriodDays: number;
  /** Buttons under a digest, per platform (as the chat service offers them); default none. */
  actions?: Partial<Record<DigestPlatform, ActionOptions>>;
  /**
   * Access rules: each run looks the creator up afresh on their platform (`creators`) and is
   * authorized as who they are now, narrowed to what they may see; when they are gone or lost the
   * rights, the run throws `DigestAccessRevokedError`, and when they could not be looked up,
   * `AppError('identity')`. Absent: no limits.
   */
  access?: DigestRunAccess;
  /**
   * Per platform, where the creator's current locale is asked when the access rules did not look
   * them up already; without an answer the digest's stored locale holds (see `resolveDigestLocale`).
   */
  locales?: DigestLocaleReaders;
  /** DEFAULT_LOCALE, for digests without a stored locale whose platform does not tell one. */
  defaultLocale?: string;
}

/** The access rules and, per platform, how to look a digest's creator up at run time. */
export interface DigestRunAccess {
  rules: Pick<AccessControl, 'authorize'>;
  creators: Partial<Record<DigestPlatform, DigestCreatorResolver>>;
}

/** Produces the reply of one digest occurrence; throws when it cannot (see `createDigestReportRunner`). */
export type DigestReportRunner = (schedule: DigestSchedule, occurrenceAt: Date) => Promise<Reply>;

/**
 * The `runReport` of the digest scheduler: parses the stored command again with the occurrence
 * as "now", the digest's zone (so `yesterday` at 08:00 is the day before the occurrence, however
 * late it runs) and the creator's locale (as their platform tells it now, else as stored), runs
 * the report and composes the reply with a note naming the digest (and the numbers the PBX lacks). Throws `AppError`s (PBX down,
 * a command that no longer reads); the scheduler posts a notice.
 */
export function createDigestReportRunner(options: DigestReportRunnerOptions): DigestReportRunner {
  return async (schedule, occurrenceAt) => {
    const { access } = options;
    const creator = access ? await resolveDigestCreator(access.creators, schedule) : undefined;
    const locale = await resolveDigestLocale(schedule, {
      creator,
      readers: options.locales,
      defaultLocale: options.defaultLocale,
    });
    const parsed = parseCommand(schedule.command, {
      now: occurrenceAt,
      timeZone: schedule.timeZone,
      locale,
      weekStart: options.weekStart,
      maxPeriodDays: options.maxPeriodDays,
    });
    if (!parsed.ok) throw parsed.error;
    if (parsed.request.view === 'rows' || parsed.request.view === 'help' || parsed.request.me) {
      throw new CommandError(`"${schedule.command}" cannot be a digest: schedule a summary or a list.`);
    }
    const { request, notes } =
      access && creator
        ? await authorizeDigestRun(access.rules, schedule, creator, parsed.request)
        : { request: parsed.request, notes: [] };
    // As in chat: an ext/queue the PBX does not have is named, never a silent "No calls".
    const [report, unknownDns] = await Promise.all([
      options.reports.runReport(request),
      options.reports.describeUnknownDns(request),
    ]);
    const note = `Scheduled digest ${schedule.id} · ${schedule.rule.description}`;
    const buttons = options.actions?.[schedule.target.platform];
    const focus = request.filters.status === 'missed' ? 'missed' : 'summary';
    const actions = buttons ? buildReportActions(request, focus, occurrenceAt, buttons) : [];
    return composeReportReply(request, report, { notes: [note, ...unknownDns, ...notes], actions });
  };
}
