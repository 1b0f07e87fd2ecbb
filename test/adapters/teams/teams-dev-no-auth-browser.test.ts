import { buildPersonalMessage, TEAMS_PERSONAL_CONVERSATION_ID } from '../../helpers/teams-activities';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';

/**
 * TEAMS_DEV_NO_AUTH opens /api/messages on loopback without authentication. Any web page the
 * developer visits can post to 127.0.0.1 (an HTML form, or fetch with a "simple" content type
 * that needs no CORS preflight), so such requests must be refused before anything runs.
 */
let bed: TeamsTestBed;

beforeAll(async () => {
  bed = await startTeamsTestBed();
});

afterAll(async () => {
  await bed?.close();
});

/** Posts `headers` with a valid activity, and shows that nothing was answered, looked up or remembered. */
async function expectRefused(headers: Record<string, string>, status: number, error: string): Promise<void> {
  const pbxRequests = bed.pbx.requests.length;
  const activity = buildPersonalMessage(bed.connector.serviceUrl, { text: 'last week' });
  const response = await bed.post(JSON.stringify(activity), headers);
  expect(response).toEqual({ status, body: JSON.stringify({ error }) });
  await bed.settle();
  expect(bed.connector.requestCount).toBe(0);
  expect(bed.pbx.requests.length).toBe(pbxRequests);
  expect(await bed.teams.references.get(TEAMS_PERSONAL_CONVERSATION_ID)).toBeUndefined();
}

const NOT_JSON = 'Send the activity as JSON (content-type: application/json).';
const FROM_A_PAGE =
  'TEAMS_DEV_NO_AUTH does not accept requests from web pages (Origin or Sec-Fetch-Site was sent).';

describe('TEAMS_DEV_NO_AUTH refuses what a web page could send', () => {
  it.each([
    ['text/plain (fetch without a preflight)', 'text/plain;charset=UTF-8'],
    ['an HTML form', 'application/x-www-form-urlencoded'],
    ['a multipart form', 'multipart/form-data; boundary=x'],
    ['a JSON look-alike', 'application/jsonp'],
  ])('answers 415 to %s and does nothing', async (_name, contentType) => {
    await expectRefused({ 'content-type': contentType }, 415, NOT_JSON);
  });

  it('answers 415 to a body without a content type', async () => {
    const pbxRequests = bed.pbx.requests.length;
    const activity = buildPersonalMessage(bed.connector.serviceUrl, { text: 'last week' });
    const response = await fetch(`${bed.bot.url}/api/messages`, {
      method: 'POST',
      body: new Blob([JSON.stringify(activity)]),
    });
    expect(response.status).toBe(415);
    await bed.settle();
    expect(bed.connector.requestCount).toBe(0);
    expect(bed.pbx.requests.length).toBe(pbxRequests);
  });

  it.each([
    ['an Origin header (another site)', { origin: 'https://evil.example' }],
    ['an Origin header (even its own)', { origin: 'http://127.0.0.1' }],
    ['an opaque Origin', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ])('answers 403 to JSON with %s and does nothing', async (_name, headers) => {
    await expectRefused(headers, 403, FROM_A_PAGE);
  });

  it('still answers a tool on this machine (no Origin; Sec-Fetch-Site none or same-origin)', async () => {
    const tools: Record<string, string>[] = [
      {},
      { 'sec-fetch-site': 'none' },
      { 'sec-fetch-site': 'same-origin' },
    ];
    for (const headers of tools) {
      const activity = buildPersonalMessage(bed.connector.serviceUrl, { text: 'help' });
      const response = await bed.post(activity, {
        'content-type': 'application/json; charset=utf-8',
        ...headers,
      });
      expect(response.status).toBe(200);
      await bed.connector.waitForCalls(
        1,
        (call) => call.replyToActivityId === activity.id && call.activity.type === 'message',
      );
    }
  });
});
