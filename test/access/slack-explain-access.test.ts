import { writePolicyFile } from '../helpers/access-policy-files';
import { blockTexts, type SlackBotHarness, startSlackBotHarness } from '../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../helpers/slack-request';
import { INTEGRATION_POLICY, PEOPLE } from './access-test-setup';

/**
 * `explain` in chat under the access rules of a report: a user with no access gets the usual
 * refusal and learns no name from the directory; an agent's explanation is refused or narrowed as
 * their report would be. `explain schedules` works in chat as in the terminal.
 */

const AGENT = SLACK_TEST_IDS.userId;
const ADMIN = PEOPLE.adminSlackId;
const STRANGER = 'U0NOBODY01';
const NO_ACCESS = [
  'You have no access to call reports yet: your Slack account is not linked to a 3CX extension.',
  "Ask your 3CX administrator to give your 3CX user the same e-mail as your Slack account (nobody@example.com), or to add you to the bot's access policy (ACCESS_POLICY).",
];

describe('explain in Slack under the access rules', () => {
  let harness: SlackBotHarness;

  beforeAll(async () => {
    harness = await startSlackBotHarness({
      env: { ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY) },
      users: {
        [AGENT]: { tz: 'Europe/Berlin', email: 'Ben.Okafor@example.com' },
        [ADMIN]: { tz: 'Europe/Berlin', email: 'it@example.com' },
        [STRANGER]: { tz: 'Europe/Berlin', email: 'nobody@example.com' },
      },
    });
    // A report loads the directory, so that explain could read names against it.
    await ask('yesterday', ADMIN);
  });
  afterAll(async () => {
    await harness.close();
  });

  async function ask(text: string, userId: string): Promise<string> {
    const sent = await harness.sendCommand(text, { user_id: userId });
    return blockTexts((await harness.waitForAnswer(sent.responseId)).answer);
  }

  it('gives a user without access the usual refusal, naming nobody from the directory', async () => {
    for (const words of ['explain calls for chloe yesterday', 'explain chloe', 'explain schedules']) {
      const text = await ask(words, STRANGER);
      expect(text).toBe(await ask('yesterday', STRANGER));
      for (const line of NO_ACCESS) expect(text).toContain(line);
      expect(text).not.toMatch(/Chlo|Durand|102/);
    }
  });

  it("refuses an agent's explain of another extension as their report is refused", async () => {
    const text = await ask('explain last week calls for chloe', AGENT);
    expect(text).toBe(await ask('last week calls for chloe', AGENT));
    expect(text).toContain('You may not see the calls of extension 102.');
  });

  it("explains an agent's own words with the note that their report will be narrowed", async () => {
    const text = await ask('explain last week', AGENT);
    expect(text.split('\n')).toEqual([
      'How I read "last week"',
      '*Window:* Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)',
      '*View:* summary',
      '*Command:* `summary from=2026-11-16T00:00:00.000+01:00 to=2026-11-23T00:00:00.000+01:00`',
      '*Filters:* none',
      'Showing only the calls of your extension 101.',
      'Nothing was run: send the words without "explain" for the report.',
    ]);
  });

  it('explains digest commands in chat: explain schedules', async () => {
    const text = await ask('explain schedules', ADMIN);
    expect(text.split('\n')).toEqual([
      'How I read "schedules"',
      '*Window:* none (this command has no period)',
      '*View:* schedule',
      '*Command:* `schedules`',
      '*Filters:* none',
      'Nothing was run: send the words without "explain" for the report.',
    ]);
  });
});
