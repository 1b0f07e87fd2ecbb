import { encodeActionValue } from '../../src/chat/action-value';
import type { RawCallLogRow } from '../../src/core/call-log-source';
import { writePolicyFile } from '../helpers/access-policy-files';
import { runCliJson } from '../helpers/run-cli-in-process';
import { serveCallLogRows } from '../helpers/serve-call-log-rows';
import {
  blockTexts,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../helpers/slack-request';
import { INTEGRATION_POLICY, PEOPLE } from './access-test-setup';

/**
 * Security review, finding 1: an agent of extension 101 escaped the scope joined to their `filter=`
 * text with a parenthesis, and the PBX's `@odata.count` (never checked) told them how many rows
 * of other extensions matched, digit by digit of a caller's number. Every attack here goes through
 * the real bot over Slack to the demo PBX over HTTP.
 */
const AGENT = SLACK_TEST_IDS.userId;
const ADMIN = PEOPLE.adminSlackId;
const DAY = 'nov 27';
const STARTS_44 = "startswith(SourceCallerId,'+44')";
const COUNT_TOP_5 = `rows ${DAY} count top=5 filter="${STARTS_44}"`;
const SCOPE_101 = "(SourceDn eq '101') or (DestinationDn eq '101')";

const involves101 = (row: RawCallLogRow) => row.SourceDn === '101' || row.DestinationDn === '101';
const callsFrom44 = (row: RawCallLogRow) => String(row.SourceCallerId ?? '').startsWith('+44');

async function startHarness(): Promise<SlackBotHarness> {
  return startSlackBotHarness({
    env: { ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY) },
    users: {
      [AGENT]: { tz: 'Europe/Berlin', email: PEOPLE.agentEmail },
      [ADMIN]: { tz: 'Europe/Berlin', email: 'it@example.com' },
    },
  });
}

/** Talks to one harness as the agent or the admin; reads replies, files and what the PBX was asked. */
function clientOf(harness: () => SlackBotHarness) {
  let clicks = 0;
  return {
    /** `/calls <text>`: the reply's texts, and the JSON file sent with it (undefined when none). */
    async ask(text: string, userId: string): Promise<{ texts: string; file: unknown }> {
      const filesBefore = harness().slack.files.size;
      const sent = await harness().sendCommand(text, { user_id: userId });
      const { answer } = await harness().waitForAnswer(sent.responseId);
      const file = [...harness().slack.files.values()][filesBefore];
      return {
        texts: blockTexts(answer),
        file: file ? (JSON.parse(file.content?.toString('utf8') ?? 'null') as unknown) : undefined,
      };
    },
    /** A Share to channel button carrying `command` (forged: rows replies have none), clicked by `userId`. */
    async share(command: string, userId: string): Promise<{ reply: string; posted: string | undefined }> {
      clicks += 1;
      const responseId = `rows-scope-share-${clicks}`;
      const postsBefore = harness().slack.callsOf('chat.postMessage').length;
      const value = encodeActionValue({ command, focus: 'summary' });
      await harness().click({ actionId: 'calls_share', value, responseId, userId, isEphemeral: true });
      const { answer } = await harness().waitForAnswer(responseId);
      const post = harness().slack.callsOf('chat.postMessage')[postsBefore];
      return { reply: blockTexts(answer), posted: post ? blockTexts(post.args) : undefined };
    },
    /** The `$filter` and `$top` of every call-log request the PBX received since `from`. */
    callLogQueries(from = 0): Array<{ filter: string | null; top: string | null }> {
      return harness()
        .pbx.requests.slice(from)
        .filter((entry) => entry.url.includes('GetCallLogData'))
        .map((entry) => {
          const params = new URL(entry.url, 'http://pbx').searchParams;
          return { filter: params.get('$filter'), top: params.get('$top') };
        });
    },
    /** Every row of the day, as an admin reads them in the terminal (before any fault is set). */
    async allRowsOfDay(): Promise<RawCallLogRow[]> {
      const rows = await runCliJson(['rows', ...DAY.split(' ')], 'Europe/Berlin', {
        pbx: harness().pbx,
        now: SLACK_NOW,
      });
      return rows as RawCallLogRow[];
    },
  };
}

describe('the rows view of an agent, against the demo PBX', () => {
  let harness: SlackBotHarness;
  const client = clientOf(() => harness);
  let all: RawCallLogRow[];

  beforeAll(async () => {
    harness = await startHarness();
    all = await client.allRowsOfDay();
  });
  afterAll(async () => {
    await harness.close();
  });

  it.each([
    ['true) or (false'],
    ["SourceDn eq '102') or (true"],
    [`${STARTS_44} and SourceDn eq '102') or (false`],
  ])('refuses the parenthesis escape filter="%s", quoting it, and asks the PBX nothing', async (filter) => {
    const requestsBefore = harness.pbx.requests.length;
    const { texts, file } = await client.ask(`rows ${DAY} count top=5 filter="${filter}"`, AGENT);
    expect(texts).toContain(`"filter="${filter}"" is not valid: Syntax error: unexpected ')' at token`);
    expect(texts).toContain('filter must be an OData expression, e.g. filter="Answered eq true".');
    expect(file).toBeUndefined();
    expect(client.callLogQueries(requestsBefore)).toEqual([]);
  });

  it('refuses the escape in a Share button too, and posts nothing in the channel', async () => {
    const { reply, posted } = await client.share(`rows ${DAY} count filter="true) or (false"`, AGENT);
    expect(reply).toContain(`"filter="true) or (false"" is not valid`);
    expect(posted).toBeUndefined();
  });

  it('counts only the rows the agent may see over the whole day, even with top=5', async () => {
    const theirs = all.filter(involves101).filter(callsFrom44);
    const everyones = all.filter(callsFrom44);
    expect(theirs.length).toBeGreaterThan(5);
    expect(everyones.length).toBeGreaterThan(theirs.length);

    const requestsBefore = harness.pbx.requests.length;
    const { texts, file } = await client.ask(COUNT_TOP_5, AGENT);
    expect(texts).toContain(`*${theirs.length} rows*`);
    expect(texts).toContain(`Preview of the first 5 of ${theirs.length} rows`);
    expect(file).toEqual({ count: theirs.length, rows: theirs.slice(0, 5) });
    // The PBX was asked for (their filter) and (their scope), and the count is ours: no count request.
    const queries = client.callLogQueries(requestsBefore);
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      expect(query.filter).toBe(`(${STARTS_44}) and (${SCOPE_101})`);
      expect(query.top).not.toBe('1');
    }
  });

  it('shares the same scoped count in the channel', async () => {
    const theirs = all.filter(involves101).filter(callsFrom44);
    const { posted } = await client.share(COUNT_TOP_5, AGENT);
    expect(posted).toContain(`*${theirs.length} rows*`);
  });

  it("gives an admin the PBX's own count of every row", async () => {
    const everyones = all.filter(callsFrom44);
    const requestsBefore = harness.pbx.requests.length;
    const { texts, file } = await client.ask(COUNT_TOP_5, ADMIN);
    expect(texts).toContain(`*${everyones.length} rows*`);
    expect(file).toEqual({ count: everyones.length, rows: everyones.slice(0, 5) });
    const queries = client.callLogQueries(requestsBefore);
    expect(queries.every((query) => query.filter === STARTS_44)).toBe(true);
    // `@odata.count` comes from the PBX's answer to a one-row count request.
    expect(queries.map((query) => query.top)).toContain('1');
  });
});

describe('the rows view of an agent, against a PBX that ignores $filter', () => {
  let harness: SlackBotHarness;
  const client = clientOf(() => harness);
  let served: RawCallLogRow[];
  let theirs: RawCallLogRow[];

  beforeAll(async () => {
    harness = await startHarness();
    // From now on the PBX answers every call-log request with every row of the day, count included.
    served = await client.allRowsOfDay();
    serveCallLogRows(harness.pbx, served);
    theirs = served.filter(involves101);
    expect(theirs.length).toBeGreaterThan(10);
    expect(served.length).toBeGreaterThan(theirs.length);
  });
  afterAll(async () => {
    await harness.close();
  });

  it('counts the rows that passed the scope check, never what the PBX counted', async () => {
    const { texts, file } = await client.ask(COUNT_TOP_5, AGENT);
    expect(texts).toContain(`*${theirs.length} rows*`);
    expect(texts).not.toContain(`${served.length} rows`);
    expect(file).toEqual({ count: theirs.length, rows: theirs.slice(0, 5) });
  });

  it('pages with top and skip over the rows that passed the scope check', async () => {
    const { file } = await client.ask(`rows ${DAY} top=3 skip=2`, AGENT);
    expect(file).toEqual(theirs.slice(2, 5));
  });

  it('shares the scoped count, not the PBX’s', async () => {
    const { posted } = await client.share(COUNT_TOP_5, AGENT);
    expect(posted).toContain(`*${theirs.length} rows*`);
    expect(posted).not.toContain(`${served.length} rows`);
  });

  it("still gives an admin the PBX's own count", async () => {
    const { texts } = await client.ask(COUNT_TOP_5, ADMIN);
    expect(texts).toContain(`*${served.length} rows*`);
  });
});
