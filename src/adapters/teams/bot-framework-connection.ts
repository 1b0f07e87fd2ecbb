import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import type { TeamsAppType } from '../../config/config';
import type { TeamsConversationReference } from './conversation-reference-store';
import type { OutgoingActivity } from './outgoing-activity';

/*
 * The only file that touches botbuilder (in maintenance mode): moving to Microsoft's newer
 * Teams SDK means rewriting this file against the same small interface.
 */

/** The bot's Entra ID app registration (MICROSOFT_APP_*). */
export interface BotCredentials {
  appId: string;
  appPassword: string | undefined;
  tenantId: string | undefined;
  appType: TeamsAppType;
}

export type SendActivity = (activity: OutgoingActivity) => Promise<void>;

/** What Teams says about a member: their e-mail and user principal name, when it says. */
export interface TeamsMemberInfo {
  email: string | undefined;
  userPrincipalName: string | undefined;
}

/** Asks the Bot Connector about a member of the turn's conversation (or team) by their channel account id. */
export type LookUpMember = (userId: string) => Promise<TeamsMemberInfo>;

/**
 * Runs one authenticated turn: `handle` gets a sender bound to the activity's conversation and a
 * member lookup (`GET /v3/conversations/{id}/members/{userId}` through TeamsInfo.getMember).
 */
export type TurnRunner = (
  handle: (send: SendActivity, lookUpMember: LookUpMember) => Promise<void>,
) => Promise<void>;

export interface BotFrameworkConnection {
  /**
   * Validates the request's bearer token against Microsoft's keys (the channel, our app id as
   * audience, the activity's serviceUrl); rejects when it is missing or wrong. Without
   * credentials, authentication is disabled and every request is accepted: only for dev-no-auth.
   */
  authenticate(activity: Record<string, unknown>, authorization: string): Promise<TurnRunner>;
  /** Posts a new message (not a reply) into a stored conversation; resolves with its activity id when the Bot Connector gives one. */
  postToConversation(
    reference: TeamsConversationReference,
    activity: OutgoingActivity,
  ): Promise<string | undefined>;
  /** Replaces a message the bot posted there (`PUT …/activities/{activityId}`). */
  updateInConversation(
    reference: TeamsConversationReference,
    activityId: string,
    activity: OutgoingActivity,
  ): Promise<void>;
  /** Answers a message there (`POST …/activities/{activityId}`): in a channel, in its thread. */
  replyInConversation(
    reference: TeamsConversationReference,
    activityId: string,
    activity: OutgoingActivity,
  ): Promise<void>;
  /**
   * Asks the Bot Connector about a member of a stored conversation, by Entra object id or channel
   * account id (a digest's creator); rejects as the Bot Connector does (404: not a member).
   */
  lookUpMemberIn(reference: TeamsConversationReference, userId: string): Promise<TeamsMemberInfo>;
}

interface ConversationsApi {
  conversations: {
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
    updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<unknown>;
    replyToActivity(
      conversationId: string,
      activityId: string,
      activity: Partial<Activity>,
    ): Promise<unknown>;
  };
}

/**
 * botbuilder's CloudAdapter with ConfigurationBotFrameworkAuthentication. With no app id the SDK
 * disables authentication both ways: inbound tokens are not checked and outbound calls carry no
 * token (so nothing asks Microsoft's login endpoint for one).
 */
export function connectBotFramework(credentials: BotCredentials | undefined): BotFrameworkConnection {
  const authentication = new ConfigurationBotFrameworkAuthentication(
    credentials
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppType: credentials.appType,
          ...(credentials.appType !== 'UserAssignedMSI' && {
            MicrosoftAppPassword: credentials.appPassword ?? '',
          }),
          ...(credentials.tenantId !== undefined && { MicrosoftAppTenantId: credentials.tenantId }),
        }
      : {},
  );
  const adapter = new CloudAdapter(authentication);
  const appId = credentials?.appId ?? '';
  /** Runs `send` with the connector's conversations API and `activity` addressed to the stored conversation. */
  const inConversation = (
    reference: TeamsConversationReference,
    activity: OutgoingActivity,
    send: (conversations: ConversationsApi['conversations'], message: Partial<Activity>) => Promise<void>,
  ) => {
    const botReference = reference as Partial<ConversationReference>;
    return adapter.continueConversationAsync(appId, botReference, async (context) => {
      const connector = context.turnState.get<ConversationsApi>(adapter.ConnectorClientKey);
      await send(
        connector.conversations,
        TurnContext.applyConversationReference({ ...activity }, botReference),
      );
    });
  };

  return {
    authenticate: async (activity, authorization) => {
      const asActivity = activity as unknown as Activity;
      const result = await authentication.authenticateRequest(asActivity, authorization);
      return (handle) =>
        adapter.processActivityDirect(result, asActivity, (context) =>
          handle(
            async (outgoing) => {
              await context.sendActivity(outgoing);
            },
            async (userId) => toMemberInfo(await TeamsInfo.getMember(context, userId)),
          ),
        );
    },
    postToConversation: async (reference, activity) => {
      let id: string | undefined;
      await inConversation(reference, activity, async (conversations, message) => {
        id = (await conversations.sendToConversation(reference.conversation.id, message)).id || undefined;
      });
      return id;
    },
    updateInConversation: async (reference, activityId, activity) => {
      await inConversation(reference, activity, async (conversations, message) => {
        await conversations.updateActivity(reference.conversation.id, activityId, {
          ...message,
          id: activityId,
        });
      });
    },
    replyInConversation: async (reference, activityId, activity) => {
      await inConversation(reference, activity, async (conversations, message) => {
        await conversations.replyToActivity(reference.conversation.id, activityId, {
          ...message,
          replyToId: activityId,
        });
      });
    },
    lookUpMemberIn: async (reference, userId) => {
      let member: TeamsMemberInfo | undefined;
      await adapter.continueConversationAsync(
        appId,
        reference as Partial<ConversationReference>,
        async (context) => {
          member = toMemberInfo(await TeamsInfo.getMember(context, userId));
        },
      );
      if (!member) throw new Error('the Bot Connector answered no member');
      return member;
    },
  };
}

function toMemberInfo(member: { email?: string; userPrincipalName?: string }): TeamsMemberInfo {
  return { email: member.email || undefined, userPrincipalName: member.userPrincipalName || undefined };
}
