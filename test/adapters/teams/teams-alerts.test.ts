import { buildChannelMention, buildPersonalMessage } from '../../helpers/teams-activities';
import { cardOf, factSetsOf, textsOf } from '../../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';

/**
 * `alerts missed …`, `alerts`, `alerts off <id>` @mentioned in a Teams channel, through the real
 * bot and the fake Bot Connector: the answers come back into the conversation as Adaptive Cards.
 * The test user is an admin (test-admins-policy.yaml), in New York by the channel's client info.
 */

let bed: TeamsTestBed;

beforeAll(async () => {
  bed = await startTeamsTestBed();
});
afterAll(async () => {
  await bed?.close();
});

/** @mentions the bot in the channel with `command` and returns the texts of the card it answers with. */
async function askInChannel(command: string): Promise<string[]> {
  const reply = await bed.ask(buildChannelMention(bed.connector.serviceUrl, command));
  return textsOf(cardOf(reply.activity));
}

describe('live alert commands in Teams (real bot, fake Bot Connector, demo PBX)', () => {
  let id = '';

  it('turns alerts on in the channel, for the calls named', async () => {
    const texts = await askInChannel('alerts missed queue 800 ext 101,102');
    id = /^Alerts ([0-9a-z]{6}) on:/.exec(texts[0] ?? '')?.[1] ?? '';
    expect(texts).toEqual([
      `Alerts ${id} on: missed calls of queue 800 and ext 101 or 102 will be posted here once the call has ended, with who called, a Call link and an "I'll call back" button.`,
      `"alerts" lists the alerts here; "alerts off ${id}" ends these.`,
    ]);
  });

  it("lists the channel's alerts, and none of them in a 1:1 chat", async () => {
    expect(await askInChannel('alerts')).toEqual([
      'Alerts in this conversation (1):',
      `• ${id}: missed calls of queue 800 and ext 101 or 102 · by you · since Sun 29 Nov 2026 05:00`,
      '"alerts off <id>" ends one.',
    ]);
    const personal = await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text: 'alerts' }));
    expect(textsOf(cardOf(personal.activity))).toEqual([
      'No alerts in this conversation yet. Turn them on with "alerts missed", or "alerts missed queue 800" for one queue.',
    ]);
  });

  it('answers mistyped commands with a corrected example', async () => {
    expect((await askInChannel('alerts mised queue 800')).join('\n')).toBe(
      [
        '⚠️ I could not read "mised" after "alerts". Did you mean "missed"?',
        'Try: alerts missed queue 800',
      ].join('\n'),
    );
    expect((await askInChannel('alerts missed queue')).join('\n')).toContain(
      '"queue" needs a queue number, e.g. "alerts missed queue 800" or "alerts missed queue 800,801".',
    );
    // Teams markdown: the card escapes parentheses, which show as typed.
    expect(await askInChannel('alerts missed queue 800 ext 102,101')).toEqual([
      `⚠️ These alerts \\(missed calls of queue 800 and ext 102 or 101\\) are on here already, as ${id}.`,
      'Try: alerts',
    ]);
  });

  it('explains an alert command as the contract says, and ends the alerts', async () => {
    const explained = await bed.ask(
      buildChannelMention(bed.connector.serviceUrl, `explain alerts off ${id}`),
    );
    const card = cardOf(explained.activity);
    expect(textsOf(card)[0]).toBe(`How I read "alerts off ${id}"`);
    expect(factSetsOf(card)[0]).toEqual(
      expect.arrayContaining([
        { title: 'View', value: 'alerts' },
        { title: 'Command', value: `alerts off ${id}` },
      ]),
    );
    expect(await askInChannel(`alerts off ${id}`)).toEqual([
      `Alerts ${id} off (missed calls of queue 800 and ext 101 or 102): nothing more will be posted for them.`,
    ]);
    expect(await askInChannel('alerts')).toEqual([
      'No alerts in this conversation yet. Turn them on with "alerts missed", or "alerts missed queue 800" for one queue.',
    ]);
  });
});
