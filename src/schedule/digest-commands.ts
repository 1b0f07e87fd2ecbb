import type { ChatUser } from '../core/chat-user';
import type { ConversationTarget } from '../core/conversation-target';
import { AppError, CommandError } from '../core/errors';
import type { NoticeReply, Reply } from '../core/reply';
import type { ReportRequest } from '../core/report-request';
import { conversationKeyOf } from './conversation-key';
import { describeDigestRuns } from './describe-digest-runs';
import type { DigestSchedule } from './digest-schedule';
import { digestCreatorOf, digestTargetOf } from './digest-target';
import { formatLocalDateTime } from './format-local-time';
import type { ScheduleCommand } from './parse-schedule-command';
import { createScheduleId } from './schedule-id';
import type { ConversationKey, ScheduleStore } from './schedule-store';
import { SCHEDULE_EXAMPLE, scheduleUsageText } from './schedule-usage';

export interface DigestCommandsOptions {
  store: ScheduleStore;
  now: () => Date;
  /** Default: 6 random Crockford base32 characters. */
  createId?: () => string;
  /** The most digests one conversation may have; default 20. */
  maxPerConversation?: number;
  /**
   * Access rules: a digest may only report what its creator may see (checked here and again at
   * every run), only someone with some access may list them, and only its creator or an admin may
   * remove one. Absent: no limits.
   */
  access?: DigestCommandAccess;
}

/** What digest commands need of the access rules (`AccessControl` fits). */
export interface DigestCommandAccess {
  authorize(
    user: ChatUser,
    request: ReportRequest,
    context: { command?: string; via?: string },
  ): Promise<{ ok: true; notes: string[] } | { ok: false; error: AppError }>;
  isAdmin(user: ChatUser): boolean;
  /** Throws the refusal a report would get when `user` may see no calls at all. */
  requireAnyAccess(user: ChatUser): Promise<void>;
}

type CreateCommand = Extract<ScheduleCommand, { kind: 'create' }>;

const DEFAULT_MAX_PER_CONVERSATION = 20;
const ID_ATTEMPTS = 5;

/**
 * The chat side of digests (the `ScheduleCommands` the chat service takes): create in, list and
 * remove from the conversation the command was typed in, and never any other.
 */
export class DigestCommands {
  constructor(private readonly options: DigestCommandsOptions) {}

  async answer(command: ScheduleCommand, user: ChatUser, conversation: ConversationTarget): Promise<Reply> {
    switch (command.kind) {
      case 'help':
        return { kind: 'help', text: scheduleUsageText() };
      case 'create':
        return this.create(command, user, conversation);
      case 'list':
        // What digests report is call data too: someone refused every report sees no listing either.
        await this.options.access?.requireAnyAccess(user);
        return this.list(conversation);
      case 'delete':
        return this.remove(command.id, user, conversation);
    }
  }

  private async create(
    command: CreateCommand,
    user: ChatUser,
    conversation: ConversationTarget,
  ): Promise<Reply> {
    const key = toConversationKey(conversation);
    const existing = await this.options.store.listSchedules(key);
    const max = this.options.maxPerConversation ?? DEFAULT_MAX_PER_CONVERSATION;
    if (existing.length >= max) {
      throw new CommandError(
        `This conversation already has ${existing.length} digests, the most it may have. Remove one first.`,
        'schedules',
      );
    }
    const twin = existing.find(
      (schedule) =>
        schedule.rule.cron === command.rule.cron &&
        schedule.timeZone === user.timeZone &&
        schedule.command.toLowerCase() === command.command.toLowerCase(),
    );
    if (twin) {
      throw new CommandError(`That digest already exists here as ${twin.id}.`, 'schedules');
    }
    const notes = await this.checkAccess(command, user);
    const schedule = await this.store(command, user, conversation, key);
    const first = formatLocalDateTime(command.firstRunAt, schedule.timeZone);
    const text = [
      `Digest ${schedule.id} scheduled: ${schedule.rule.description} (${schedule.timeZone}), posting "${schedule.command}" here.`,
      ...notes,
      `First run: ${first}. "schedules" lists the digests here; "unschedule ${schedule.id}" removes this one.`,
    ].join('\n');
    return notice(text);
  }

  /** Refuses a digest of calls the creator may not see; returns the notes when it will be narrowed. */
  private async checkAccess(command: CreateCommand, user: ChatUser): Promise<string[]> {
    const { access } = this.options;
    if (!access) return [];
    const decision = await access.authorize(user, command.request, {
      command: command.command,
      via: 'schedule',
    });
    if (!decision.ok) throw decision.error;
    return decision.notes;
  }

  private async store(
    command: CreateCommand,
    user: ChatUser,
    conversation: ConversationTarget,
    key: ConversationKey,
  ): Promise<DigestSchedule> {
    const createId = this.options.createId ?? (() => createScheduleId());
    for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      const schedule: DigestSchedule = {
        id: createId(),
        target: digestTargetOf(conversation, key),
        creator: digestCreatorOf(user),
        timeZone: user.timeZone,
        ...(user.locale !== undefined && { locale: user.locale }),
        rule: command.rule,
        command: command.command,
        createdAt: this.options.now(),
        enabled: true,
      };
      if ((await this.options.store.createSchedule(schedule)) === 'created') return schedule;
    }
    throw new Error(`no free digest id after ${ID_ATTEMPTS} attempts`);
  }

  private async list(conversation: ConversationTarget): Promise<Reply> {
    const schedules = await this.options.store.listSchedules(toConversationKey(conversation));
    if (schedules.length === 0) {
      return notice(`No digests in this conversation yet. Create one, e.g. "${SCHEDULE_EXAMPLE}".`);
    }
    const now = this.options.now();
    const lines = [`Digests in this conversation (${schedules.length}):`];
    for (const schedule of schedules) {
      const { next, last } = await describeDigestRuns(schedule, this.options.store, now);
      lines.push(
        `• ${schedule.id}: ${schedule.rule.description} (${schedule.timeZone}), "${schedule.command}"`,
        `   ${next} · last: ${last}`,
      );
    }
    lines.push('"unschedule <id>" removes one.');
    return notice(lines.join('\n'));
  }

  private async remove(id: string, user: ChatUser, conversation: ConversationTarget): Promise<Reply> {
    const key = toConversationKey(conversation);
    const schedule = await this.options.store.getSchedule(id);
    const here =
      schedule?.target.platform === key.platform && schedule.target.conversationId === key.conversationId;
    if (!schedule || !here) {
      throw new CommandError(`There is no digest ${id} in this conversation.`, 'schedules');
    }
    const { access } = this.options;
    const creator = schedule.creator.platform === user.platform && schedule.creator.id === user.id;
    if (access && !creator && !access.isAdmin(user)) {
      throw new AppError(
        'forbidden',
        `Digest ${id} was set up by someone else: only they or an admin may remove it.`,
      );
    }
    if (!(await this.options.store.deleteSchedule(id, key))) {
      throw new CommandError(`There is no digest ${id} in this conversation.`, 'schedules');
    }
    return notice(
      `Digest ${id} removed (${schedule.rule.description}, "${schedule.command}"); it will not post again.`,
    );
  }
}

/** Digests live in Slack channels, Teams conversations and the playground's channel; nothing else can receive them. */
function toConversationKey(conversation: ConversationTarget): ConversationKey {
  const key = conversationKeyOf(conversation);
  if (!key) {
    throw new CommandError(
      'Digests are posted to Slack channels and Teams conversations; this one cannot receive them.',
    );
  }
  return key;
}

function notice(text: string): NoticeReply {
  return { kind: 'notice', text };
}
