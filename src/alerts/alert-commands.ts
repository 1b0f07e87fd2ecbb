import { describeScope } from '../access/describe-scope';
import type { UserAccess } from '../access/user-access';
import type { ChatUser } from '../core/chat-user';
import type { ConversationTarget } from '../core/conversation-target';
import { AppError, CommandError } from '../core/errors';
import type { NoticeReply, Reply } from '../core/reply';
import type { ReportRequest } from '../core/report-request';
import { conversationKeyOf } from '../schedule/conversation-key';
import { digestCreatorOf, digestTargetOf } from '../schedule/digest-target';
import { formatLocalDateTime } from '../schedule/format-local-time';
import { createScheduleId } from '../schedule/schedule-id';
import type { ConversationKey } from '../schedule/schedule-store';
import { ALERTS_EXAMPLE, alertsUsageText } from './alert-command-usage';
import type { AlertStore, AlertSubscription } from './alert-store';
import { MAX_SUBSCRIPTIONS_PER_CONVERSATION } from './alert-subscription-limit';
import {
  type AlertFilters,
  alertCommandText,
  alertSubscriptionRequest,
  describeAlertFilters,
  sameAlertFilters,
} from './alert-subscription-words';
import type { AlertCommand } from './parse-alert-command';

export interface AlertCommandsOptions {
  store: Pick<
    AlertStore,
    'createSubscription' | 'getSubscription' | 'listSubscriptions' | 'deleteSubscription'
  >;
  now: () => Date;
  /** Default: 6 random Crockford base32 characters, as digest ids. */
  createId?: () => string;
  /**
   * Access rules: a subscription may only name what its creator may see (checked here, with one
   * audit line, and again at every post), only someone with some access may list them, and only
   * the creator or an admin may end one. Absent: no limits.
   */
  access?: AlertCommandAccess;
}

/** What alert commands need of the access rules (`AccessControl` fits). */
export interface AlertCommandAccess {
  authorize(
    user: ChatUser,
    request: ReportRequest,
    context: { command?: string; via?: string },
  ): Promise<
    | {
        ok: true;
        narrowed: boolean;
        notes: string[];
        access: Pick<UserAccess, 'role' | 'ownExtensions' | 'scope'>;
      }
    | { ok: false; error: AppError }
  >;
  isAdmin(user: ChatUser): boolean;
  /** Throws the refusal a report would get when `user` may see no calls at all. */
  requireAnyAccess(user: ChatUser): Promise<void>;
}

const ID_ATTEMPTS = 5;
/** The window the rules are asked about: alerts concern calls from now on. */
const RECENT_MS = 2 * 60 * 60 * 1000;

/**
 * The chat side of live alerts: subscribe the conversation the command was typed in, list its
 * subscriptions, end one; never another conversation's. Throws `AppError`s for the asker.
 */
export class AlertCommands {
  constructor(private readonly options: AlertCommandsOptions) {}

  async answer(command: AlertCommand, user: ChatUser, conversation: ConversationTarget): Promise<Reply> {
    if (command.kind === 'help') return { kind: 'help', text: alertsUsageText() };
    const key = toConversationKey(conversation);
    switch (command.kind) {
      case 'subscribe':
        return this.subscribe(command.filters, user, conversation, key);
      case 'list':
        // Who watches which calls concerns call data: someone refused every report sees no listing either.
        await this.options.access?.requireAnyAccess(user);
        return this.list(user, key);
      case 'off':
        return this.end(command.id, user, key);
    }
  }

  private async subscribe(
    asked: AlertFilters,
    user: ChatUser,
    conversation: ConversationTarget,
    key: ConversationKey,
  ): Promise<Reply> {
    const existing = await this.options.store.listSubscriptions(key);
    if (existing.length >= MAX_SUBSCRIPTIONS_PER_CONVERSATION) throw fullError();
    const { filters, notes } = await this.checkAccess(asked, user);
    const twin = existing.find((subscription) => sameAlertFilters(subscription, filters));
    if (twin) {
      throw new CommandError(
        `These alerts (${describeAlertFilters(filters)}) are on here already, as ${twin.id}.`,
        'alerts',
      );
    }
    const subscription = await this.store(filters, user, conversation, key);
    const text = [
      `Alerts ${subscription.id} on: ${describeAlertFilters(filters)} will be posted here once the call has ended, with who called, a Call link and an "I'll call back" button.`,
      ...notes,
      `"alerts" lists the alerts here; "alerts off ${subscription.id}" ends these.`,
    ].join('\n');
    return notice(text);
  }

  /**
   * Refuses a filter outside the subscriber's access (one audit line, as for digests). An agent
   * without filters subscribes to their own extensions; anyone else without filters is narrowed to
   * their access at every post, and told so.
   */
  private async checkAccess(
    asked: AlertFilters,
    user: ChatUser,
  ): Promise<{ filters: AlertFilters; notes: string[] }> {
    const { access } = this.options;
    if (!access) return { filters: asked, notes: [] };
    const now = this.options.now();
    const window = { from: new Date(now.getTime() - RECENT_MS), to: now, timeZone: user.timeZone };
    const decision = await access.authorize(user, alertSubscriptionRequest(asked, window), {
      command: alertCommandText(asked),
      via: 'alerts',
    });
    if (!decision.ok) throw decision.error;
    if (!decision.narrowed) return { filters: asked, notes: decision.notes };
    const { role, ownExtensions, scope } = decision.access;
    if (role === 'agent') {
      return {
        filters: { extensions: [...ownExtensions], queues: [] },
        notes: ['Without "queue" or "ext", an agent\'s alerts are for their own extension.'],
      };
    }
    const within = scope ? ` (${describeScope(scope)})` : '';
    return { filters: asked, notes: [`Only the calls within your access${within} are posted.`] };
  }

  private async store(
    filters: AlertFilters,
    user: ChatUser,
    conversation: ConversationTarget,
    key: ConversationKey,
  ): Promise<AlertSubscription> {
    const createId = this.options.createId ?? (() => createScheduleId());
    for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      const subscription: AlertSubscription = {
        id: createId(),
        target: digestTargetOf(conversation, key),
        creator: digestCreatorOf(user),
        extensions: [...filters.extensions],
        queues: [...filters.queues],
        timeZone: user.timeZone,
        createdAt: this.options.now(),
      };
      const created = await this.options.store.createSubscription(subscription);
      if (created === 'created') return subscription;
      // Another subscription was added here meanwhile: the store keeps the limit.
      if (created === 'full') throw fullError();
    }
    throw new Error(`no free alert id after ${ID_ATTEMPTS} attempts`);
  }

  private async list(user: ChatUser, key: ConversationKey): Promise<Reply> {
    const subscriptions = await this.options.store.listSubscriptions(key);
    if (subscriptions.length === 0) {
      return notice(
        `No alerts in this conversation yet. Turn them on with "alerts missed", or "${ALERTS_EXAMPLE}" for one queue.`,
      );
    }
    const lines = [`Alerts in this conversation (${subscriptions.length}):`];
    for (const subscription of subscriptions) {
      const since = formatLocalDateTime(subscription.createdAt, user.timeZone);
      lines.push(
        `• ${subscription.id}: ${describeAlertFilters(subscription)} · by ${describeCreator(subscription, user)} · since ${since}`,
      );
    }
    lines.push('"alerts off <id>" ends one.');
    return notice(lines.join('\n'));
  }

  private async end(id: string, user: ChatUser, key: ConversationKey): Promise<Reply> {
    const subscription = await this.options.store.getSubscription(id);
    const here =
      subscription?.target.platform === key.platform &&
      subscription.target.conversationId === key.conversationId;
    if (!subscription || !here) throw unknownIdError(id);
    const { access } = this.options;
    if (access && !isCreator(subscription, user) && !access.isAdmin(user)) {
      throw new AppError(
        'forbidden',
        `Alerts ${id} were turned on by someone else: only they or an admin may end them.`,
      );
    }
    if (!(await this.options.store.deleteSubscription(id))) throw unknownIdError(id);
    return notice(
      `Alerts ${id} off (${describeAlertFilters(subscription)}): nothing more will be posted for them.`,
    );
  }
}

/** Alerts live in Slack channels, Teams conversations and the playground's channel; nothing else can receive them. */
function toConversationKey(conversation: ConversationTarget): ConversationKey {
  const key = conversationKeyOf(conversation);
  if (!key) {
    throw new CommandError(
      'Alerts are posted to Slack channels and Teams conversations; this one cannot receive them.',
    );
  }
  return key;
}

function fullError(): CommandError {
  return new CommandError(
    `This conversation already has ${MAX_SUBSCRIPTIONS_PER_CONVERSATION} alert subscriptions, the most it may have. End one first with "alerts off <id>".`,
    'alerts',
  );
}

function unknownIdError(id: string): CommandError {
  return new CommandError(
    `There are no alerts ${id} in this conversation. "alerts" lists the alerts here with their ids.`,
    'alerts',
  );
}

function isCreator(subscription: AlertSubscription, user: ChatUser): boolean {
  return subscription.creator.platform === user.platform && subscription.creator.id === user.id;
}

/** "you", or the creator's e-mail, else their platform id. */
function describeCreator(subscription: AlertSubscription, user: ChatUser): string {
  if (isCreator(subscription, user)) return 'you';
  return subscription.creator.email ?? subscription.creator.id;
}

function notice(text: string): NoticeReply {
  return { kind: 'notice', text };
}
