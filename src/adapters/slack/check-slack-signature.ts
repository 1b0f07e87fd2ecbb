import { verifySlackRequest } from '@slack/bolt';

/** The outcome of a signature check; `reason` is for the log (it never holds a secret). */
export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Slack's replay window: requests more than 5 minutes from our clock, either way, are refused. */
export const MAX_SKEW_SECONDS = 5 * 60;

export interface SignatureInput {
  signingSecret: string;
  /** The body exactly as received (the signature covers its bytes). */
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  now: Date;
}

/**
 * Checks Slack's v0 request signature (`X-Slack-Signature`, an HMAC-SHA256 of
 * `v0:<timestamp>:<body>`) with Bolt's `verifySlackRequest`, and the timestamp against `now`.
 */
export function checkSlackSignature(input: SignatureInput): SignatureCheck {
  const { signature, timestamp, now } = input;
  if (!signature || !timestamp)
    return { ok: false, reason: 'missing X-Slack-Signature or X-Slack-Request-Timestamp' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed X-Slack-Request-Timestamp' };
  const timestampSeconds = Number(timestamp);
  if (timestampSeconds > Math.floor(now.getTime() / 1000) + MAX_SKEW_SECONDS) {
    return { ok: false, reason: 'X-Slack-Request-Timestamp is in the future' };
  }
  try {
    verifySlackRequest({
      signingSecret: input.signingSecret,
      body: input.rawBody,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestampSeconds },
      nowMilliseconds: now.getTime(),
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'signature check failed' };
  }
}
