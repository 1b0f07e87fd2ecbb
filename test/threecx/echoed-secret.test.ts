import { type EchoingTokenEndpoint, startEchoingTokenEndpoint } from '../helpers/echoing-token-endpoint';
import { runCliInProcess } from '../helpers/run-cli-in-process';
import { secretSpellings } from '../helpers/secret-spellings';
import { SLACK_NOW, type SlackBotHarness, startSlackBotHarness } from '../helpers/slack-bot-harness';

/** A client secret with every character that encodings change: + / = " \ and a space. */
const SECRET = 'Sk+9/aB="Q\\7 z=Lp-u4';
const CLIENT_ID = 'calls-bot';
const SPELLINGS = { ...secretSpellings(SECRET, CLIENT_ID), 'the middle of the secret': SECRET.slice(4, 14) };

/** Fails naming the spelling and where it was found. */
function expectNoSpelling(texts: Record<string, string>): void {
  const leaks: string[] = [];
  for (const [where, text] of Object.entries(texts)) {
    for (const [spelling, value] of Object.entries(SPELLINGS)) {
      if (text.includes(value)) leaks.push(`${spelling} in ${where}`);
    }
  }
  expect(leaks).toEqual([]);
}

const ECHOING_PBX_ENV = (echo: EchoingTokenEndpoint) => ({
  THREECX_URL: echo.url,
  THREECX_CLIENT_ID: CLIENT_ID,
  THREECX_CLIENT_SECRET: SECRET,
});

describe('a token endpoint that echoes the request body never gets the secret shown or logged', () => {
  let echo: EchoingTokenEndpoint;
  let harness: SlackBotHarness | undefined;

  beforeEach(async () => {
    echo = await startEchoingTokenEndpoint();
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    await echo.close();
  });

  it.each(['json', 'text'] as const)(
    'echoed as %s: not in the Slack error reply, /readyz nor any log line',
    async (format) => {
      echo.echoAs(format);
      harness = await startSlackBotHarness({ env: ECHOING_PBX_ENV(echo) });
      const { status, responseId } = await harness.sendCommand('yesterday');
      expect(status).toBe(200);
      const { answer } = await harness.waitForAnswer(responseId);
      const reply = JSON.stringify(answer);
      // The PBX's words reach the asker, masked: the echo was there to leak.
      expect(reply).toContain('The PBX answered 400 to POST /connect/token');
      expect(reply).toContain('[redacted]');

      const readyz = await fetch(`${harness.bot.url}/readyz`);
      const readiness = await readyz.text();
      expect(readyz.status).toBe(503);
      expect(JSON.parse(readiness).checks[0]).toMatchObject({ name: 'pbx', reason: 'pbx_credentials' });

      expect(harness.logs.some((line) => line.includes('[redacted]'))).toBe(true);
      expectNoSpelling({
        'the Slack reply': reply,
        '/readyz': readiness,
        'the log': harness.logs.join('\n'),
      });
    },
  );

  it.each(['json', 'text'] as const)('echoed as %s: not in the terminal error', async (format) => {
    echo.echoAs(format);
    const run = await runCliInProcess(['yesterday'], { now: SLACK_NOW, env: ECHOING_PBX_ENV(echo) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The PBX answered 400 to POST /connect/token');
    expect(run.stderr).toContain('[redacted]');
    expectNoSpelling({ 'the terminal': run.stdout + run.stderr });
  });
});
