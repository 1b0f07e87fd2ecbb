import { createHmac } from 'node:crypto';

/**
 * Requests exactly as Slack sends them to a Request URL: slash commands and interactivity as
 * `application/x-www-form-urlencoded` (interactivity as one `payload` field of JSON), events as
 * JSON, each signed with `X-Slack-Signature: v0=HMAC-SHA256(secret, "v0:<ts>:<body>")` and
 * `X-Slack-Request-Timestamp`. Builders take overrides (`buildSlashCommand({ text: 'last week' })`).
 */

export const SLACK_TEST_IDS = {
  teamId: 'T0CALLS01',
  channelId: 'C0GENERAL1',
  userId: 'U0BEN00101',
  appId: 'A0CALLSBOT',
} as const;

export type SlashCommandFields = Record<string, string>;

/** The form fields of a `/calls` request. */
export function buildSlashCommand(
  overrides: Partial<SlashCommandFields> & { response_url: string },
): SlashCommandFields {
  return {
    token: 'legacy-verification-token',
    team_id: SLACK_TEST_IDS.teamId,
    team_domain: 'acme',
    channel_id: SLACK_TEST_IDS.channelId,
    channel_name: 'general',
    user_id: SLACK_TEST_IDS.userId,
    user_name: 'ben',
    command: '/calls',
    text: '',
    api_app_id: SLACK_TEST_IDS.appId,
    is_enterprise_install: 'false',
    trigger_id: '1234567890.1234567890.abcdef0123456789abcdef0123456789',
    ...overrides,
  };
}

export interface BlockActionOptions {
  actionId: string;
  value: string;
  /** Omitted for App Home clicks. */
  responseUrl?: string;
  userId?: string;
  /** `message` (a message in a channel or DM) or `view` (App Home). */
  container?: 'message' | 'view';
  channelId?: string;
  isEphemeral?: boolean;
}

/** The `payload` of a `block_actions` request for one button click. */
export function buildBlockActions(options: BlockActionOptions): Record<string, unknown> {
  const userId = options.userId ?? SLACK_TEST_IDS.userId;
  const channelId = options.channelId ?? SLACK_TEST_IDS.channelId;
  const inView = options.container === 'view';
  const action = {
    type: 'button',
    action_id: options.actionId,
    block_id: 'b1',
    text: { type: 'plain_text', text: 'Button', emoji: true },
    value: options.value,
    action_ts: '1764410400.000100',
  };
  return {
    type: 'block_actions',
    user: { id: userId, username: 'ben', name: 'ben', team_id: SLACK_TEST_IDS.teamId },
    api_app_id: SLACK_TEST_IDS.appId,
    token: 'legacy-verification-token',
    trigger_id: '1234567890.1234567890.fedcba9876543210fedcba9876543210',
    team: { id: SLACK_TEST_IDS.teamId, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    actions: [action],
    ...(inView
      ? {
          container: { type: 'view', view_id: 'V0HOME0001' },
          view: { id: 'V0HOME0001', type: 'home', team_id: SLACK_TEST_IDS.teamId, blocks: [] },
        }
      : {
          container: {
            type: 'message',
            message_ts: '1764410000.000100',
            channel_id: channelId,
            is_ephemeral: options.isEphemeral ?? true,
          },
          channel: { id: channelId, name: 'general' },
          message: { type: 'message', ts: '1764410000.000100', text: 'report', blocks: [] },
          response_url: options.responseUrl,
        }),
  };
}

/** The Events API body of `app_home_opened`. */
export function buildAppHomeOpened(
  overrides: { userId?: string; tab?: 'home' | 'messages' } = {},
): Record<string, unknown> {
  const userId = overrides.userId ?? SLACK_TEST_IDS.userId;
  return {
    token: 'legacy-verification-token',
    team_id: SLACK_TEST_IDS.teamId,
    api_app_id: SLACK_TEST_IDS.appId,
    event: {
      type: 'app_home_opened',
      user: userId,
      channel: `D${userId}`,
      tab: overrides.tab ?? 'home',
      event_ts: '1764410400.000200',
    },
    type: 'event_callback',
    event_id: 'Ev0HOME0001',
    event_time: 1764410400,
    authorizations: [
      { team_id: SLACK_TEST_IDS.teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}

/** `X-Slack-Signature` for a body at a timestamp (seconds). */
export function signSlackBody(body: string, signingSecret: string, timestampSeconds: number): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
}

export interface SlackPostOptions {
  signingSecret: string;
  timestampSeconds: number;
  /** Replaces the computed signature (forgeries). */
  signature?: string;
  /** Leave the signature headers out. */
  unsigned?: boolean;
}

export interface SlackPostResult {
  status: number;
  body: string;
}

/** A body for POST /slack/events: form fields, an interactivity payload, or event JSON. */
export type SlackRequestBody =
  | { form: Record<string, string> }
  | { payload: Record<string, unknown> }
  | { json: Record<string, unknown> }
  | { raw: string; contentType: string };

/** The headers and body text of a request as Slack signs and sends it. */
export function buildSignedSlackRequest(
  body: SlackRequestBody,
  options: SlackPostOptions,
): { headers: Record<string, string>; text: string } {
  const { text, contentType } = encodeBody(body);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(options.timestampSeconds);
    headers['x-slack-signature'] =
      options.signature ?? signSlackBody(text, options.signingSecret, options.timestampSeconds);
  }
  return { headers, text };
}

/** POSTs a signed request to `url` as Slack would. */
export async function postToSlackEvents(
  url: string,
  body: SlackRequestBody,
  options: SlackPostOptions,
): Promise<SlackPostResult> {
  const { headers, text } = buildSignedSlackRequest(body, options);
  const response = await fetch(url, { method: 'POST', headers, body: text });
  return { status: response.status, body: await response.text() };
}

function encodeBody(body: SlackRequestBody): { text: string; contentType: string } {
  if ('form' in body)
    return {
      text: new URLSearchParams(body.form).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  if ('payload' in body) {
    return {
      text: new URLSearchParams({ payload: JSON.stringify(body.payload) }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  }
  if ('json' in body) return { text: JSON.stringify(body.json), contentType: 'application/json' };
  return { text: body.raw, contentType: body.contentType };
}
