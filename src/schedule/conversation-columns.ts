import type { DigestCreator, DigestTarget } from './digest-schedule';

/**
 * The columns that say where a digest or an alert subscription posts and who made it, shared by
 * `digest_schedules` and `alert_subscriptions` in SQLite and PostgreSQL alike.
 */
export interface ConversationColumns {
  platform: DigestTarget['platform'];
  conversation_id: string;
  team_id: string | null;
  reference_key: string | null;
  conversation_label: string | null;
  creator_platform: DigestCreator['platform'];
  creator_id: string;
  creator_email: string | null;
}

/** The conversation columns in the order `conversationValues` gives them. */
export const CONVERSATION_COLUMNS = [
  'platform',
  'conversation_id',
  'team_id',
  'reference_key',
  'conversation_label',
  'creator_platform',
  'creator_id',
  'creator_email',
] as const satisfies readonly (keyof ConversationColumns)[];

/** The conversation columns of `target` and `creator` (absent parts as null). */
export function toConversationColumns(target: DigestTarget, creator: DigestCreator): ConversationColumns {
  return {
    platform: target.platform,
    conversation_id: target.conversationId,
    team_id: target.teamId ?? null,
    reference_key: target.referenceKey ?? null,
    conversation_label: target.label ?? null,
    creator_platform: creator.platform,
    creator_id: creator.id,
    creator_email: creator.email ?? null,
  };
}

/** The values of `CONVERSATION_COLUMNS`, in order, for positional parameters. */
export function conversationValues(target: DigestTarget, creator: DigestCreator): unknown[] {
  const columns = toConversationColumns(target, creator);
  return CONVERSATION_COLUMNS.map((column) => columns[column]);
}

export function targetFromColumns(row: ConversationColumns): DigestTarget {
  return {
    platform: row.platform,
    conversationId: row.conversation_id,
    ...(row.team_id !== null && { teamId: row.team_id }),
    ...(row.reference_key !== null && { referenceKey: row.reference_key }),
    ...(row.conversation_label !== null && { label: row.conversation_label }),
  };
}

export function creatorFromColumns(row: ConversationColumns): DigestCreator {
  return {
    platform: row.creator_platform,
    id: row.creator_id,
    ...(row.creator_email !== null && { email: row.creator_email }),
  };
}
