import type { AlertButtons } from '../../alerts/alert-buttons';
import type { ChatService } from '../../chat/chat-service';
import type { Config } from '../../config/config';
import { AppError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Reply } from '../../core/reply';
import type { ChatAdapter } from '../../server/chat-adapter';
import { settledWithin } from '../../server/graceful-shutdown';
import {
  type BotFrameworkConnection,
  connectBotFramework,
  type TeamsMemberInfo,
} from './bot-framework-connection';
import type { ConversationReferenceStore, TeamsConversationReference } from './conversation-reference-store';
import { createTeamsTurnHandler } from './handle-teams-turn';
import { isLoopbackHost, isLoopbackServiceUrl } from './loopback-address';
import { createMemoryConversationReferenceStore } from './memory-conversation-reference-store';
import { createMessagesEndpoint, MESSAGES_PATH, type TeamsEndpointMode } from './messages-endpoint';
import { toReplyActivity } from './outgoing-activity';
import { createTeamsAlertMessages, type TeamsAlertMessages } from './teams-alert-messages';
import { TeamsMemberResolver } from './teams-member-resolver';
import { toConversationKey } from './to-conversation-reference';

export type { ConversationReferenceStore, TeamsConversationReference } from './conversation-reference-store';
export { createMemoryConversationReferenceStore } from './memory-conversation-reference-store';

export interface CreateTeamsAdapterOptions {
  /** MICROSOFT_APP_*; absent means no authenticated Teams. */
  teams: Config['teams'];
  /** TEAMS_DEV_NO_AUTH: unauthenticated, loopback only. */
  devNoAuth: boolean;
  /** The HTTP listener's HOST; dev-no-auth refuses anything but loopback. */
  host: string;
  /** MICROSOFT_APP_TENANT_ID (in either mode): activities from other tenants are refused with 403. */
  tenantId?: string | undefined;
  chat: Pick<ChatService, 'answerText' | 'answerAction'>;
  logger: Logger;
  /** DEFAULT_TIMEZONE, for activities that carry no zone. */
  defaultTimeZone: string;
  /** DEFAULT_LOCALE, for activities that carry no locale; default en-US. */
  defaultLocale?: string;
  /** Where conversation references live; default in memory. */
  references?: ConversationReferenceStore;
  /** The clock, for caching members' e-mails; default the system clock. */
  now?: () => Date;
  /** Answers the live alerts' buttons ("I'll call back", "Release"). */
  alertButtons?: AlertButtons;
}

/** The Teams adapter: `/api/messages`, plus posting into known conversations (scheduled digests). */
export interface TeamsChatAdapter extends ChatAdapter {
  mode: TeamsEndpointMode;
  references: ConversationReferenceStore;
  /**
   * Posts `reply` as a new message in a conversation the bot has seen (channel, group chat or
   * 1:1). Resolves false when no reference is stored (or, in dev-no-auth, it is not loopback);
   * rejects when the Bot Connector refuses (e.g. the bot was removed).
   */
  postReply(conversationId: string, reply: Reply): Promise<boolean>;
  /**
   * Asks the Bot Connector about a member of a conversation the bot has seen (a digest's creator).
   * Resolves undefined when it cannot be asked there (as `postReply` resolves false); rejects as
   * the Bot Connector does (404: not a member).
   */
  lookUpMember(conversationId: string, userId: string): Promise<TeamsMemberInfo | undefined>;
  /** Posts, redraws and answers live alerts in conversations the bot has seen (`TeamsAlertDelivery`). */
  alertMessages: TeamsAlertMessages;
}

/**
 * Microsoft Teams over the Bot Framework: one route on the bot's HTTP server. With
 * MICROSOFT_APP_ID every request's token is validated; with TEAMS_DEV_NO_AUTH (loopback HOST only)
 * nothing is, and only loopback service URLs are answered; with neither, everything is 401.
 */
export function createTeamsAdapter(options: CreateTeamsAdapterOptions): TeamsChatAdapter {
  const { logger } = options;
  const mode = chooseMode(options);
  const references = options.references ?? createMemoryConversationReferenceStore();
  const connection: BotFrameworkConnection | undefined =
    mode === 'closed' ? undefined : connectBotFramework(mode === 'authenticated' ? options.teams : undefined);
  const handleTurn = createTeamsTurnHandler({
    chat: options.chat,
    references,
    logger,
    defaultTimeZone: options.defaultTimeZone,
    ...(options.defaultLocale !== undefined && { defaultLocale: options.defaultLocale }),
    members: new TeamsMemberResolver({ logger, now: options.now ?? (() => new Date()) }),
    ...(options.alertButtons && { alertButtons: options.alertButtons }),
  });
  const endpoint = createMessagesEndpoint({
    mode,
    connection,
    handleTurn,
    logger,
    tenantId: options.tenantId,
  });

  return {
    description: describeMode(mode),
    mode,
    routes: [endpoint.route],
    references,
    start: async () => {
      if (mode === 'dev-no-auth') {
        logger.warn(
          '!!! TEAMS_DEV_NO_AUTH=true: /api/messages accepts requests WITHOUT authentication. It listens on loopback only and replies only to loopback service URLs. Never use this in production. !!!',
          { host: options.host },
        );
      }
    },
    // Nothing to tell a Teams asker the bot restarts with once the grace period is over.
    stop: async (graceMs = Number.POSITIVE_INFINITY) => {
      await settledWithin(endpoint.settle(), graceMs);
    },
    postReply: async (conversationId, reply) => {
      const reference = connection && (await reachableReference(conversationId));
      if (!connection || !reference) return false;
      await connection.postToConversation(reference, toReplyActivity(reply));
      return true;
    },
    lookUpMember: async (conversationId, userId) => {
      const reference = connection && (await reachableReference(conversationId));
      if (!connection || !reference) return undefined;
      return connection.lookUpMemberIn(reference, userId);
    },
    alertMessages: createTeamsAlertMessages(connection, reachableReference),
  };

  /** The stored reference the bot may talk to on its own: none without one, nor (dev-no-auth) off this machine. */
  async function reachableReference(conversationId: string): Promise<TeamsConversationReference | undefined> {
    const reference = await references.get(toConversationKey(conversationId));
    if (!reference) return undefined;
    if (mode === 'dev-no-auth' && !isLoopbackServiceUrl(reference.serviceUrl)) {
      logger.warn('TEAMS_DEV_NO_AUTH: not talking to a conversation whose serviceUrl is not on this machine');
      return undefined;
    }
    return reference;
  }
}

function chooseMode(options: CreateTeamsAdapterOptions): TeamsEndpointMode {
  if (options.devNoAuth && options.teams) {
    throw new AppError(
      'config',
      'TEAMS_DEV_NO_AUTH=true and MICROSOFT_APP_ID are both set: the endpoint cannot be open and authenticated at once.',
      'Unset TEAMS_DEV_NO_AUTH to run against Teams, or MICROSOFT_APP_ID to test locally without authentication.',
    );
  }
  if (options.devNoAuth && !isLoopbackHost(options.host)) {
    throw new AppError(
      'config',
      `TEAMS_DEV_NO_AUTH=true needs HOST on a loopback address (127.0.0.1, ::1 or localhost), not "${options.host}": an open endpoint must not be reachable from other machines.`,
      'Set HOST=127.0.0.1, or unset TEAMS_DEV_NO_AUTH and set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (docs/teams.md).',
    );
  }
  if (options.devNoAuth) return 'dev-no-auth';
  return options.teams ? 'authenticated' : 'closed';
}

function describeMode(mode: TeamsEndpointMode): string {
  switch (mode) {
    case 'authenticated':
      return `Teams (Bot Framework at ${MESSAGES_PATH})`;
    case 'dev-no-auth':
      return `Teams (UNAUTHENTICATED dev mode at ${MESSAGES_PATH}, loopback only)`;
    case 'closed':
      return `Teams (not configured: ${MESSAGES_PATH} answers 401)`;
  }
}
