import type { AlertButtons } from '../../alerts/alert-buttons';
import type { Answer } from '../../chat/answer';
import type { ChatService } from '../../chat/chat-service';
import { canonicalLocale, FALLBACK_LOCALE } from '../../config/canonical-locale';
import type { ChatUser } from '../../core/chat-user';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Reply } from '../../core/reply';
import { isAlertActionId } from '../../render/alert-actions';
import type { LookUpMember } from './bot-framework-connection';
import type { ConversationReferenceStore } from './conversation-reference-store';
import { type OutgoingActivity, toReplyActivity } from './outgoing-activity';
import { resolveActivityTimeZone } from './resolve-activity-time-zone';
import { mentionsBot, stripBotMention } from './strip-bot-mention';
import type { TeamsActivity } from './teams-activity';
import { answerTeamsAlertButton } from './teams-alert-buttons';
import type { TeamsMemberResolver } from './teams-member-resolver';
import { toConversationReference } from './to-conversation-reference';
import { toConversationTarget } from './to-conversation-target';
import { buildWelcomeReply } from './welcome-reply';

/** One inbound activity and the way to answer it in its conversation. SDK-neutral. */
export interface TeamsTurn {
  activity: TeamsActivity;
  send(activity: OutgoingActivity): Promise<void>;
  /** Asks the Bot Connector about a member (for the asker's e-mail); without it, the asker counts as not looked up. */
  lookUpMember?: LookUpMember;
}

export interface TeamsTurnOptions {
  chat: Pick<ChatService, 'answerText' | 'answerAction'>;
  references: ConversationReferenceStore;
  logger: Logger;
  /** DEFAULT_TIMEZONE, for activities that carry no zone. */
  defaultTimeZone: string;
  /** DEFAULT_LOCALE, for activities that carry no (valid) `locale`; default en-US. */
  defaultLocale?: string;
  /** Finds the asker's e-mail (matched to their 3CX user by the access rules); without it, nobody can be looked up. */
  members?: TeamsMemberResolver;
  /** Answers the live alerts' buttons (submits whose action is `alert_…`); without it they go to `chat` like any button. */
  alertButtons?: AlertButtons;
}

/** Commands are a few words; longer text is answered with an error rather than parsed. */
export const MAX_COMMAND_CHARS = 2000;

/**
 * The bot's behaviour in Teams: messages and button submits become chat-service answers sent
 * back as Adaptive Cards; the bot being added posts a welcome; every activity refreshes the
 * stored conversation reference. Never throws for bad input; send failures reach the caller.
 */
export function createTeamsTurnHandler(options: TeamsTurnOptions): (turn: TeamsTurn) => Promise<void> {
  const { chat, logger } = options;

  const saveReference = async (activity: TeamsActivity) => {
    try {
      await options.references.save(toConversationReference(activity));
    } catch (error) {
      logger.error('could not store a Teams conversation reference', {
        conversationType: activity.conversation.conversationType,
        error: describeError(error),
      });
    }
  };

  /** "Working on it" before a lookup: best effort, and only in chats (channel threads do not show it reliably). */
  const showTyping = async (turn: TeamsTurn) => {
    if (turn.activity.conversation.conversationType === 'channel') return;
    try {
      await turn.send({ type: 'typing' });
    } catch (error) {
      logger.debug('Teams: could not show typing', {
        error: describeError(error),
      });
    }
  };

  /**
   * The asker, with their e-mail when the Bot Connector tells it. When they cannot be looked up
   * (the lookup failed, or there is nothing to look them up by), `identityUnknown`: the access rules
   * then refuse them instead of treating them as unlinked.
   */
  const askerOf = async (turn: TeamsTurn): Promise<ChatUser> => {
    const user = toChatUser(turn.activity, options);
    const accountId = turn.activity.from?.id;
    const found =
      options.members && turn.lookUpMember && accountId
        ? await options.members.resolveEmail(turn.lookUpMember, user.id, accountId)
        : undefined;
    if (found?.kind !== 'found') return { ...user, identityUnknown: true };
    return found.email === undefined ? user : { ...user, email: found.email };
  };

  const answerMessage = async (turn: TeamsTurn): Promise<Answer | undefined> => {
    const { activity } = turn;
    const submit = readSubmit(activity.value);
    if (submit) {
      await showTyping(turn);
      return chat.answerAction(submit.action, submit.value, await askerOf(turn));
    }
    if (isGroupConversation(activity) && !mentionsBot(activity)) {
      logger.debug('ignored a Teams group message that does not mention the bot');
      return undefined;
    }
    if ((activity.text ?? '').trim() === '') return chat.answerText('help', toChatUser(activity, options));
    const text = stripBotMention(activity);
    if (text.length > MAX_COMMAND_CHARS) {
      return {
        reply: {
          kind: 'error',
          message: `That message is too long to be a command (${text.length} characters; at most ${MAX_COMMAND_CHARS}).`,
          hint: 'Try: last week ext 101',
        },
        files: [],
        share: false,
      };
    }
    await showTyping(turn);
    return chat.answerText(text, await askerOf(turn), toConversationTarget(activity));
  };

  return async (turn) => {
    const { activity } = turn;
    await saveReference(activity);
    switch (activity.type) {
      case 'message': {
        const submit = readSubmit(activity.value);
        if (submit && options.alertButtons && isAlertActionId(submit.action)) {
          const user = await askerOf(turn);
          const reply = await answerTeamsAlertButton(options.alertButtons, submit, activity, user, logger);
          if (reply) await turn.send(reply);
          return;
        }
        const answer = await answerMessage(turn);
        if (answer) await turn.send(toReplyActivity(withTeamsNotes(answer)));
        return;
      }
      case 'conversationUpdate': {
        if (!activity.membersAdded.some((member) => member.id === activity.recipient.id)) return;
        const help = await chat.answerText('help', toChatUser(activity, options));
        const scope = isGroupConversation(activity) ? 'group' : 'personal';
        await turn.send(toReplyActivity(buildWelcomeReply(help.reply, scope, activity.recipient.name)));
        logger.info('Teams: the bot was added to a conversation', {
          conversationType: activity.conversation.conversationType ?? 'personal',
        });
        return;
      }
      default:
        logger.debug('Teams activity accepted without an answer', { type: activity.type });
    }
  };
}

/**
 * The asker: the Entra ID object id when Teams sends it (stable across chats), else the channel
 * account id; their zone, and their locale from the activity's `locale` (the Teams client's language).
 */
function toChatUser(
  activity: TeamsActivity,
  defaults: Pick<TeamsTurnOptions, 'defaultTimeZone' | 'defaultLocale'>,
): ChatUser {
  return {
    platform: 'teams',
    id: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
    timeZone: resolveActivityTimeZone(activity, defaults.defaultTimeZone),
    locale: canonicalLocale(activity.locale) ?? defaults.defaultLocale ?? FALLBACK_LOCALE,
  };
}

function isGroupConversation(activity: TeamsActivity): boolean {
  const type = activity.conversation.conversationType;
  return (
    type === 'channel' ||
    type === 'groupChat' ||
    (type === undefined && activity.conversation.isGroup === true)
  );
}

/** Action.Submit data as the card put it: `{ action, value }`. Anything else is not a button of ours. */
function readSubmit(value: unknown): { action: string; value: unknown } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const data = value as Record<string, unknown>;
  return { action: typeof data.action === 'string' ? data.action : '', value: data.value };
}

/** Teams replies carry no files: say where the full rows are instead. */
function withTeamsNotes(answer: Answer): Reply {
  const { reply } = answer;
  if (answer.files.length === 0 || reply.kind !== 'rows') return reply;
  return {
    ...reply,
    notes: [
      ...reply.notes,
      'Teams shows a preview only; for every row run the same command in the terminal with --json.',
    ],
  };
}
