import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import {
  describeWithPostgres,
  startTestPostgres,
  type TestDatabase,
  type TestPostgres,
} from '../helpers/postgres';
import { localBotEnv, type MainProcess, startMainProcess } from './main-process';

/** `npm start` against a separately served demo PBX: to the bot, a real 3CX. */
let pbx: DemoPbx;
beforeAll(async () => {
  pbx = await startDemoPbx({ seed: 42 });
});
afterAll(async () => {
  await pbx?.close();
});

function botEnv(extra: Record<string, string> = {}): Record<string, string> {
  return localBotEnv(pbx, { LOG_LEVEL: 'debug', ...extra });
}

function bannerLine(bot: MainProcess, label: string): string {
  const line = bot
    .stdout()
    .split('\n')
    .find((candidate) => candidate.startsWith(`  ${label}:`));
  if (!line) throw new Error(`no ${label} line in the banner:\n${bot.stdout()}\n${bot.stderr()}`);
  return line;
}

describe('npm start with a real PBX', () => {
  it('prints a new token only in the banner, as a ready address, and never in a log line', async () => {
    const bot = await startMainProcess(botEnv());
    try {
      const match =
        /^ {2}Playground: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]{32}) {2}\(open this address; a new token at each start\)$/.exec(
          bannerLine(bot, 'Playground'),
        );
      if (!match?.[1] || !match[2]) throw new Error(`unexpected banner:\n${bot.stdout()}`);
      const [, url, token] = match;

      const pbxRequests = pbx.requests.length;
      const withoutCookie = await fetch(`${url}/playground/api/command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'yesterday' }),
      });
      expect(withoutCookie.status).toBe(401);
      expect(pbx.requests.length).toBe(pbxRequests);
      expect((await fetch(`${url}/?token=wrong-${token}`, { redirect: 'manual' })).status).toBe(401);

      const visit = await fetch(`${url}/?token=${token}`, { redirect: 'manual' });
      expect(visit.status).toBe(302);
      const cookie = (visit.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      // Even pasted into a command, which the debug log quotes, the token is redacted from the log.
      const answered = await fetch(`${url}/playground/api/command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ text: `yesterday ${token}` }),
      });
      expect(answered.status).toBe(200);
      expect(await bot.stop()).toBe(0);

      expect(bot.stdout().split(token)).toHaveLength(2);
      const logLines = bot.stderr().trim().split('\n');
      const messages = logLines.map((line) => (JSON.parse(line) as { message: string }).message);
      expect(messages).toEqual(
        expect.arrayContaining(['calls-bot is running', 'playground command', 'stopping']),
      );
      expect(bot.stderr()).not.toContain(token);
    } finally {
      await bot.stop();
    }
  });

  it('says PLAYGROUND_TOKEN is needed when PLAYGROUND=true meets replicas (postgres), and does not start', async () => {
    const bot = await startMainProcess(
      botEnv({ DATABASE_URL: 'postgres://bot:pw@127.0.0.1:1/calls', PLAYGROUND: 'true' }),
    );
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toContain(
      '- PLAYGROUND_TOKEN: is missing: PLAYGROUND=true with a real PBX and a postgres:// DATABASE_URL (replicas) needs one token every replica shares (e.g. openssl rand -hex 24), or unset PLAYGROUND',
    );
    expect(bot.stdout()).toBe('');
  });
});

describeWithPostgres('the playground of replicas without PLAYGROUND_TOKEN')(
  'npm start with a real PBX and PostgreSQL',
  () => {
    let server: TestPostgres;
    let database: TestDatabase;
    beforeAll(async () => {
      server = await startTestPostgres();
      database = await server.createDatabase();
    }, 60_000);
    afterAll(async () => {
      await database?.drop();
      await server?.stop();
    });

    it('leaves the playground off, says why in the banner and warns in the log', async () => {
      const bot = await startMainProcess(botEnv({ DATABASE_URL: database.url }));
      try {
        const reason =
          'replicas (a postgres:// DATABASE_URL) with a real PBX need PLAYGROUND_TOKEN, one token every replica shares';
        expect(bannerLine(bot, 'Playground')).toBe(`  Playground: off (${reason})`);
        const url = /listening on (\S+)/.exec(bot.stdout())?.[1];
        expect((await fetch(`${url}/`)).status).toBe(404);
        const warnings = bot
          .stderr()
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { level: string; message: string })
          .filter((entry) => entry.level === 'warn');
        expect(warnings.map((entry) => entry.message)).toContain(`The playground is off: ${reason}.`);
      } finally {
        await bot.stop();
      }
    });
  },
);
