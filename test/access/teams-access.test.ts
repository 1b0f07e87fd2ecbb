import { encodeActionValue } from '../../src/chat/action-value';
import { escapeTeamsMarkdown } from '../../src/render/escape-teams-markdown';
import { writePolicyFile } from '../helpers/access-policy-files';
import type { ConnectorCall } from '../helpers/fake-bot-connector';
import {
  buildButtonSubmit,
  buildChannelMention,
  buildPersonalMessage,
  TEAMS_USER,
} from '../helpers/teams-activities';
import { cardOf, submitAction, textsOf } from '../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../helpers/teams-test-bed';
import { focusSummaryLine, INTEGRATION_POLICY, PEOPLE, summaryLineWithChange } from './access-test-setup';

const LAST_WEEK_BERLIN = 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)';
const COULD_NOT_CHECK =
  'I could not check who you are (looking up your Teams account failed), so I cannot show any calls.';
const LAST_WEEK_NEW_YORK = 'Mon 16 – Sun 22 Nov 2026 (America/New_York)';

const AGENT = {
  id: '29:1agentBenOkafor',
  name: 'Ben Okafor',
  aadObjectId: 'aa11aa11-0000-4000-8000-000000000101',
};
const MANAGER = {
  id: '29:1managerCarol',
  name: 'Carol Lead',
  aadObjectId: 'cc33cc33-0000-4000-8000-000000000800',
};
const ADMIN = { id: '29:1adminAlice', name: 'Alice Admin', aadObjectId: PEOPLE.adminAadId };
const STRANGER = {
  id: '29:1strangerNobody',
  name: 'No Body',
  aadObjectId: 'dd44dd44-0000-4000-8000-000000000000',
};

let bed: TeamsTestBed;

beforeAll(async () => {
  bed = await startTeamsTestBed({
    TEAMS_DEV_NO_AUTH: 'true',
    ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY),
  });
  bed.connector.setMember({
    ...AGENT,
    email: 'ben.okafor@example.com',
    userPrincipalName: 'ben@contoso.onmicrosoft.com',
  });
  // Carol's tenant gives no e-mail: her user principal name is her address.
  bed.connector.setMember({ ...MANAGER, userPrincipalName: PEOPLE.managerEmail });
  bed.connector.setMember({ ...STRANGER, email: 'nobody@example.com' });
});

afterAll(async () => {
  await bed?.close();
});

const personal = (from: typeof AGENT, text: string) =>
  buildPersonalMessage(bed.connector.serviceUrl, { from, text });
const cardText = (reply: ConnectorCall) => JSON.stringify(cardOf(reply.activity));

describe('access rules over Teams (real bot, TEAMS_DEV_NO_AUTH, fake Bot Connector, demo PBX)', () => {
  it("narrows an agent's `last week` to their extension, matched by the member's e-mail", async () => {
    const reply = await bed.ask(personal(AGENT, 'calls last week'));
    const expected = await bed.runCliJson(['last', 'week', 'ext', '101'], 'Europe/Berlin');
    // Narrowed to their own extension, the agent's own view leads the summary.
    expect(reply.activity.summary).toBe(focusSummaryLine(LAST_WEEK_BERLIN, expected));
    expect(cardText(reply)).toContain('Showing only the calls of your extension 101.');
    // No other extension's figures, and the week before is ext 101's too, not the whole PBX's.
    expect(cardText(reply)).not.toContain('Also involved');
    const before = expected.previous!.totals;
    const wholeBefore = (await bed.runCliJson(['last', 'week'], 'Europe/Berlin')).previous!.totals;
    expect(before.calls).toBeLessThan(wholeBefore.calls);
    expect(textsOf(cardOf(reply.activity))).toContain(
      escapeTeamsMarkdown(
        `vs. the week before (Mon 9 – Sun 15 Nov 2026): ${before.calls} calls, ${before.answered} answered, ${before.missed} missed`,
      ),
    );
    expect(bed.connector.memberLookups).toContain(
      `a:1Jx7u8VbQf3wXh9nTq2ZpL6kR4sYc0mN5oP8aE2dG7iU3yW1vB6tH9lK4jF0zS2xC8 ${AGENT.id}`,
    );
  });

  it("refuses an agent's `ext 102`", async () => {
    const reply = await bed.ask(personal(AGENT, 'calls last week ext 102'));
    expect(cardText(reply)).toContain('You may not see the calls of extension 102.');
    expect(String(reply.activity.summary ?? '')).not.toContain('calls,');
  });

  it('gives a manager their queue in a channel and refuses another', async () => {
    const mention = (text: string) => buildChannelMention(bed.connector.serviceUrl, text, { from: MANAGER });
    const expected = await bed.runCliJson(['last', 'week', 'queue', '800'], 'America/New_York');
    expect((await bed.ask(mention('last week queue 800'))).activity.summary).toBe(
      summaryLineWithChange(LAST_WEEK_NEW_YORK, expected),
    );
    const narrowed = await bed.ask(mention('last week'));
    expect(narrowed.activity.summary).toBe(summaryLineWithChange(LAST_WEEK_NEW_YORK, expected));
    // Notes reach the card escaped for Teams' Markdown.
    expect(textsOf(cardOf(narrowed.activity))).toContain(
      escapeTeamsMarkdown('Showing only the calls of your access (queue 800).'),
    );
    expect(cardText(await bed.ask(mention('last week queue 801')))).toContain(
      'You may not see the calls of queue 801.',
    );
  });

  it('lets an admin (by Entra object id) see every call', async () => {
    const reply = await bed.ask(personal(ADMIN, 'calls last week'));
    const expected = await bed.runCliJson(['last', 'week'], 'Europe/Berlin');
    expect(reply.activity.summary).toBe(summaryLineWithChange(LAST_WEEK_BERLIN, expected));
  });

  it('tells an unmapped user how to get access', async () => {
    const texts = textsOf(cardOf((await bed.ask(personal(STRANGER, 'calls last week'))).activity));
    expect(texts[0]).toBe(
      '⚠️ You have no access to call reports yet: your Teams account is not linked to a 3CX extension.',
    );
    // The hint quotes the member's e-mail, escaped for Teams' Markdown like all such text.
    expect(texts[1]).toContain(
      escapeTeamsMarkdown('the same e-mail as your Teams account (nobody@example.com)'),
    );
  });

  it('refuses a member the Bot Connector does not know: who they are could not be checked', async () => {
    const ghost = { id: '29:1ghost', name: 'Ghost', aadObjectId: 'ee55ee55-0000-4000-8000-000000000000' };
    const text = cardText(await bed.ask(personal(ghost, 'calls today')));
    expect(text).toContain(COULD_NOT_CHECK);
    expect(
      bed.logs.some((entry) => entry.message === 'Teams: could not look up the member for their e-mail'),
    ).toBe(true);
  });

  it("re-checks every submit: a forged payload naming another extension is refused, the agent's own buttons stay narrowed", async () => {
    const forged = buildButtonSubmit(
      bed.connector.serviceUrl,
      { action: 'previous', value: encodeActionValue({ command: 'last week ext 102', focus: 'summary' }) },
      { from: AGENT },
    );
    expect(cardText(await bed.ask(forged))).toContain('You may not see the calls of extension 102.');
    const report = await bed.ask(personal(AGENT, 'calls last week'));
    const missed = submitAction(cardOf(report.activity), 'missed');
    const clicked = await bed.ask(buildButtonSubmit(bed.connector.serviceUrl, missed.data, { from: AGENT }));
    expect(cardText(clicked)).toContain('Showing only the calls of your extension 101.');
  });

  it('answers `me last week` with the asker’s own extension', async () => {
    const reply = await bed.ask(personal(AGENT, 'calls me last week'));
    const expected = await bed.runCliJson(['last', 'week', 'ext', '101'], 'Europe/Berlin');
    expect(reply.activity.summary).toBe(focusSummaryLine(LAST_WEEK_BERLIN, expected));
    expect(cardText(reply)).not.toContain('Showing only');
    // The member's e-mail was asked for once and then cached.
    expect(bed.connector.memberLookups.filter((lookup) => lookup.endsWith(` ${AGENT.id}`))).toHaveLength(1);
  });

  it('gives a user the policy does not name, and who matches no 3CX user, nothing', async () => {
    bed.connector.setMember({ ...TEAMS_USER });
    const text = cardText(await bed.ask(personal(TEAMS_USER, 'calls today')));
    expect(text).toContain('your Teams account is not linked to a 3CX extension');
  });
});

describe('a failed member lookup never widens access (ACCESS_UNMAPPED=all)', () => {
  let open: TeamsTestBed;

  beforeAll(async () => {
    open = await startTeamsTestBed({
      TEAMS_DEV_NO_AUTH: 'true',
      ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY),
      ACCESS_UNMAPPED: 'all',
    });
    open.connector.setMember({ ...AGENT, email: PEOPLE.agentEmail });
  });
  afterAll(async () => {
    await open?.close();
  });

  it('refuses an agent whose lookup fails, shows no calls, and asks again on the next message', async () => {
    open.connector.failMemberLookups(500, 10);
    const before = open.pbx.requests.filter((entry) => entry.url.includes('GetCallLogData')).length;
    const refused = await open.ask(
      buildPersonalMessage(open.connector.serviceUrl, { from: AGENT, text: 'calls last week' }),
    );
    expect(cardText(refused)).toContain(COULD_NOT_CHECK);
    expect(String(refused.activity.summary ?? '')).not.toMatch(/\d+ calls/);
    expect(open.pbx.requests.filter((entry) => entry.url.includes('GetCallLogData'))).toHaveLength(before);

    open.connector.failMemberLookups(500, 0);
    const answered = await open.ask(
      buildPersonalMessage(open.connector.serviceUrl, { from: AGENT, text: 'calls last week' }),
    );
    const expected = await open.runCliJson(['last', 'week', 'ext', '101'], 'Europe/Berlin');
    expect(answered.activity.summary).toBe(focusSummaryLine(LAST_WEEK_BERLIN, expected));
  });

  it('lets an admin named by Entra object id through, and answers help to anyone', async () => {
    // A refusal (403) rather than a 500: the Bot Connector client does not retry it.
    open.connector.failMemberLookups(403, 10);
    const admin = await open.ask(
      buildPersonalMessage(open.connector.serviceUrl, { from: ADMIN, text: 'calls last week' }),
    );
    const expected = await open.runCliJson(['last', 'week'], 'Europe/Berlin');
    expect(admin.activity.summary).toBe(summaryLineWithChange(LAST_WEEK_BERLIN, expected));
    const help = await open.ask(
      buildPersonalMessage(open.connector.serviceUrl, { from: STRANGER, text: 'calls help' }),
    );
    expect(cardText(help)).not.toContain(COULD_NOT_CHECK);
    open.connector.failMemberLookups(500, 0);
  });
});

describe('PRIVACY_MASK_NUMBERS over Teams', () => {
  let masked: TeamsTestBed;

  beforeAll(async () => {
    masked = await startTeamsTestBed({ TEAMS_DEV_NO_AUTH: 'true', PRIVACY_MASK_NUMBERS: 'true' });
  });
  afterAll(async () => {
    await masked?.close();
  });

  it('masks external numbers in the Adaptive Card', async () => {
    const plain = await masked.runCliJson(['last', 'week', 'ext', '101', 'missed'], 'Europe/Berlin');
    const external = plain.missedCalls.find((call) => call.from.startsWith('+'));
    expect(external).toBeDefined();
    const activity = buildPersonalMessage(masked.connector.serviceUrl, {
      text: 'calls last week ext 101 missed',
    });
    const text = cardText(await masked.ask(activity));
    expect(text).not.toContain(external!.from);
    expect(text).toMatch(/\+\d{1,3} \d\d•• •+\d{4}/);
  });
});
