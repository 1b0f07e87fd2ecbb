import { checkSlackSignature } from '../../../src/adapters/slack/check-slack-signature';
import { signSlackBody } from '../../helpers/slack-request';

const SECRET = 'unit-signing-secret';
const NOW = new Date('2026-11-29T10:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const BODY = 'token=x&team_id=T1&command=%2Fcalls&text=last+week';

function check(
  overrides: {
    body?: string;
    signature?: string | undefined;
    timestamp?: string | undefined;
    now?: Date;
  } = {},
) {
  const timestamp = 'timestamp' in overrides ? overrides.timestamp : String(NOW_SECONDS);
  const signature =
    'signature' in overrides ? overrides.signature : signSlackBody(BODY, SECRET, Number(timestamp));
  return checkSlackSignature({
    signingSecret: SECRET,
    rawBody: overrides.body ?? BODY,
    signature,
    timestamp,
    now: overrides.now ?? NOW,
  });
}

describe('checkSlackSignature', () => {
  it('accepts a v0 signature of the exact body at the current time', () => {
    expect(check()).toEqual({ ok: true });
  });

  it('accepts a timestamp 4 minutes old and refuses one 5 minutes and 1 second old', () => {
    const fourMinutesAgo = String(NOW_SECONDS - 240);
    expect(
      check({ timestamp: fourMinutesAgo, signature: signSlackBody(BODY, SECRET, NOW_SECONDS - 240) }),
    ).toEqual({ ok: true });
    const stale = NOW_SECONDS - 301;
    expect(check({ timestamp: String(stale), signature: signSlackBody(BODY, SECRET, stale) })).toEqual({
      ok: false,
      reason: expect.stringContaining('stale'),
    });
  });

  it('refuses a timestamp more than 5 minutes in the future', () => {
    const future = NOW_SECONDS + 301;
    expect(check({ timestamp: String(future), signature: signSlackBody(BODY, SECRET, future) })).toEqual({
      ok: false,
      reason: 'X-Slack-Request-Timestamp is in the future',
    });
  });

  it('refuses a changed body, another secret, a v1 signature and missing or malformed headers', () => {
    expect(check({ body: `${BODY}x` })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('signature mismatch'),
    });
    expect(check({ signature: signSlackBody(BODY, 'other-secret', NOW_SECONDS) })).toMatchObject({
      ok: false,
    });
    expect(
      check({ signature: signSlackBody(BODY, SECRET, NOW_SECONDS).replace('v0=', 'v1=') }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unknown signature version'),
    });
    expect(check({ signature: undefined })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('missing'),
    });
    expect(check({ timestamp: undefined })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('missing'),
    });
    expect(check({ timestamp: '17e8' })).toEqual({
      ok: false,
      reason: 'malformed X-Slack-Request-Timestamp',
    });
  });

  it('never puts the secret in its reason', () => {
    const result = check({ signature: 'v0=deadbeef' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});
