import { z } from 'zod';

/** A Bot Framework account (user or bot) as Teams sends it. */
export interface TeamsAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
}

/**
 * The parts of an inbound Bot Framework activity this adapter reads, validated; `raw` is the
 * whole JSON object for the SDK, which needs the rest (channelData, timestamps).
 */
export interface TeamsActivity {
  type: string;
  id: string | undefined;
  serviceUrl: string;
  channelId: string;
  from: TeamsAccount | undefined;
  recipient: TeamsAccount;
  conversation: {
    id: string;
    conversationType?: string;
    tenantId?: string;
    isGroup?: boolean;
    name?: string;
  };
  text: string | undefined;
  /** Action.Submit data, or anything else a client put there: untrusted. */
  value: unknown;
  entities: Record<string, unknown>[];
  localTimezone: string | undefined;
  locale: string | undefined;
  membersAdded: TeamsAccount[];
  /** The Entra ID tenants the activity names (`conversation.tenantId`, `channelData.tenant.id`), each once. */
  tenantIds: string[];
  raw: Record<string, unknown>;
}

export type ReadActivityResult = { ok: true; activity: TeamsActivity } | { ok: false; problem: string };

const account = z.looseObject({
  id: z.string().min(1).max(512),
  name: z.string().max(512).optional(),
  aadObjectId: z.string().max(128).optional(),
});

const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  serviceUrl: z.string().min(1).max(2048),
  channelId: z.string().min(1).max(64),
  from: account.optional(),
  recipient: account,
  conversation: z.looseObject({
    id: z.string().min(1).max(1024),
    conversationType: z.string().max(64).optional(),
    tenantId: z.string().max(128).optional(),
    isGroup: z.boolean().optional(),
    name: z.string().max(1024).optional(),
  }),
  text: z.string().optional(),
  value: z.unknown().optional(),
  entities: z.array(z.unknown()).max(500).optional(),
  localTimezone: z.string().max(128).optional(),
  locale: z.string().max(64).optional(),
  membersAdded: z.array(account).max(1000).optional(),
  channelData: z
    .looseObject({ tenant: z.looseObject({ id: z.string().max(128).optional() }).optional() })
    .optional(),
});

/**
 * Checks an inbound request body against the Bot Framework activity shape. Fields this adapter
 * relies on must be there and be the right type; `from` is required for messages only.
 */
export function readTeamsActivity(json: unknown): ReadActivityResult {
  const parsed = activitySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'activity';
    return { ok: false, problem: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  const data = parsed.data;
  if (data.type === 'message' && !data.from) return { ok: false, problem: 'from: a message needs a sender' };
  return {
    ok: true,
    activity: {
      type: data.type,
      id: data.id,
      serviceUrl: data.serviceUrl,
      channelId: data.channelId,
      from: data.from && pickAccount(data.from),
      recipient: pickAccount(data.recipient),
      conversation: data.conversation,
      text: data.text,
      value: data.value,
      entities: (data.entities ?? []).filter(isRecord),
      localTimezone: data.localTimezone,
      locale: data.locale,
      membersAdded: (data.membersAdded ?? []).map(pickAccount),
      tenantIds: [
        ...new Set(
          [data.conversation.tenantId, data.channelData?.tenant?.id].filter(
            (id): id is string => id !== undefined,
          ),
        ),
      ],
      raw: json as Record<string, unknown>,
    },
  };
}

function pickAccount(value: z.infer<typeof account>): TeamsAccount {
  return {
    id: value.id,
    ...(value.name !== undefined && { name: value.name }),
    ...(value.aadObjectId !== undefined && { aadObjectId: value.aadObjectId }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
