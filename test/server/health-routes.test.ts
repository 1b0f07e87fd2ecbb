import { loadConfig } from '../../src/config/load-config';
import { createLogger, silentLogger } from '../../src/core/logger';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { READINESS_HINTS } from '../../src/server/readiness-reasons';
import { type RunningBot, startBot } from '../../src/start-bot';
import { findClosedPort } from '../helpers/closed-port';

const NOW = new Date('2026-11-29T10:00:00Z');

interface Readiness {
  status: string;
  checks: { name: string; ok: boolean; reason?: string; hint?: string }[];
}

async function readiness(bot: RunningBot): Promise<{ status: number; body: Readiness; text: string }> {
  const response = await fetch(`${bot.url}/readyz`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Readiness, text };
}

describe('/healthz and /readyz', () => {
  let pbx: DemoPbx;
  let bot: RunningBot | undefined;
  let clock: Date;
  let logs: string[];

  beforeAll(async () => {
    pbx = await startDemoPbx({ seed: 42, now: NOW });
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });
  afterAll(() => pbx.close());

  async function start(env: { secret?: string; url?: string } = {}): Promise<RunningBot> {
    const config = loadConfig({
      THREECX_URL: env.url ?? pbx.url,
      THREECX_CLIENT_ID: pbx.clientId,
      THREECX_CLIENT_SECRET: env.secret ?? pbx.clientSecret,
      DATABASE_URL: 'sqlite::memory:',
      PORT: '0',
    });
    clock = NOW;
    logs = [];
    const logger = createLogger({ write: (line) => logs.push(line) });
    bot = await startBot({ config, logger, now: () => clock, startScheduler: false });
    return bot;
  }

  const pbxRequestsSince = (before: number) => pbx.requests.length - before;
  const failureLogs = () => logs.filter((line) => line.includes('readiness check failed'));

  /** /readyz says `reason` with its fixed hint for the PBX, and the store is fine. */
  async function expectPbxNotReady(running: RunningBot, reason: string): Promise<string> {
    const { status, body, text } = await readiness(running);
    expect([status, body]).toEqual([
      503,
      {
        status: 'not ready',
        checks: [
          { name: 'pbx', ok: false, reason, hint: READINESS_HINTS[reason as keyof typeof READINESS_HINTS] },
          { name: 'store', ok: true },
        ],
      },
    ]);
    return text;
  }

  it('are both fine when the PBX answers with our credentials and the store is open', async () => {
    const running = await start();
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect(await readiness(running)).toMatchObject({
      status: 200,
      body: {
        status: 'ready',
        checks: [
          { name: 'pbx', ok: true },
          { name: 'store', ok: true },
        ],
      },
    });
  });

  it('wrong credentials: pbx_credentials, without the secret; the log has the detail', async () => {
    const running = await start({ secret: 'a-wrong-api-key' });
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    const text = await expectPbxNotReady(running, 'pbx_credentials');
    expect(text).toContain('THREECX_CLIENT_SECRET');
    expect(text).not.toContain('a-wrong-api-key');
    expect(failureLogs()).toEqual([expect.stringContaining('The PBX answered 401 to POST /connect/token')]);
  });

  it('the PBX answers 403: pbx_role', async () => {
    const running = await start();
    pbx.misbehave({ endpoint: 'defs', status: 403, body: { error: { message: 'Forbidden' } } });
    const text = await expectPbxNotReady(running, 'pbx_role');
    expect(text).toContain('System Owner');
  });

  it("the PBX answers 500 echoing a secret-like text: pbx_error without the PBX's words, which only the log has", async () => {
    const running = await start();
    const leak = 'at Db.Open(Password=Hunter2-db-pw; Server=10.0.0.5)';
    pbx.misbehave({ endpoint: 'defs', status: 500, body: { error: { message: leak } } });
    const text = await expectPbxNotReady(running, 'pbx_error');
    expect(text).not.toContain('Hunter2');
    expect(text).not.toContain('Db.Open');
    expect(failureLogs()).toEqual([expect.stringContaining(leak)]);
  });

  it('the PBX is down: pbx_unreachable', async () => {
    const running = await start({ url: `http://127.0.0.1:${await findClosedPort()}` });
    const text = await expectPbxNotReady(running, 'pbx_unreachable');
    expect(text).toContain('THREECX_URL');
  });

  it('a burst of 100 requests costs the PBX one check, the result is served for 10 s, then checked again', async () => {
    const running = await start();
    const before = pbx.requests.length;
    const burst = await Promise.all(Array.from({ length: 100 }, () => readiness(running)));
    expect(burst.map((answer) => answer.status)).toEqual(Array(100).fill(200));
    // One token and one Defs request.
    expect(pbx.requests.slice(before).map((entry) => entry.endpoint)).toEqual(['token', 'defs']);

    // The PBX starts refusing; within 10 s /readyz does not ask it, and says what it knew.
    pbx.misbehave({ endpoint: 'defs', status: 403, times: 100 });
    const afterBurst = pbx.requests.length;
    clock = new Date(NOW.getTime() + 9_999);
    expect((await readiness(running)).status).toBe(200);
    expect(pbxRequestsSince(afterBurst)).toBe(0);

    // From 10 s on it checks again, once for another burst, and logs the failure once.
    clock = new Date(NOW.getTime() + 10_000);
    const failing = await Promise.all(Array.from({ length: 100 }, () => readiness(running)));
    expect(new Set(failing.map((answer) => answer.body.checks[0]?.reason))).toEqual(new Set(['pbx_role']));
    expect(pbxRequestsSince(afterBurst)).toBe(1);
    expect(failureLogs()).toHaveLength(1);
    expect((await readiness(running)).status).toBe(503);
    expect(pbxRequestsSince(afterBurst)).toBe(1);
  });
});

describe('starting on a port that is taken', () => {
  it('fails with a configuration error that says what to change', async () => {
    const config = (port: string) => loadConfig({ DATABASE_URL: 'sqlite::memory:', PORT: port });
    const first = await startBot({
      config: config('0'),
      logger: silentLogger,
      now: () => NOW,
      startScheduler: false,
    });
    try {
      const port = new URL(first.url).port;
      const second = startBot({
        config: config(port),
        logger: silentLogger,
        now: () => NOW,
        startScheduler: false,
      });
      await expect(second).rejects.toMatchObject({
        kind: 'config',
        message: `Port ${port} on 127.0.0.1 is already in use.`,
        hint: 'Stop the program using it, or set PORT to a free port.',
      });
    } finally {
      await first.close();
    }
  });
});
