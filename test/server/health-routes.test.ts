import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/core/logger';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { type RunningBot, startBot } from '../../src/start-bot';

const NOW = new Date('2026-11-29T10:00:00Z');

interface Readiness {
  status: string;
  checks: { name: string; ok: boolean; reason?: string }[];
}

async function readiness(bot: RunningBot): Promise<{ status: number; body: Readiness }> {
  const response = await fetch(`${bot.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Readiness };
}

describe('/healthz and /readyz', () => {
  let pbx: DemoPbx;
  let bot: RunningBot | undefined;

  beforeAll(async () => {
    pbx = await startDemoPbx({ seed: 42, now: NOW });
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });
  afterAll(() => pbx.close());

  async function start(secret: string): Promise<RunningBot> {
    const config = loadConfig({
      THREECX_URL: pbx.url,
      THREECX_CLIENT_ID: pbx.clientId,
      THREECX_CLIENT_SECRET: secret,
      DATABASE_URL: 'sqlite::memory:',
      PORT: '0',
    });
    bot = await startBot({ config, logger: silentLogger, now: () => NOW, startScheduler: false });
    return bot;
  }

  it('are both fine when the PBX answers with our credentials and the store is open', async () => {
    const running = await start(pbx.clientSecret);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect(await readiness(running)).toEqual({
      status: 200,
      body: {
        status: 'ready',
        checks: [
          expect.objectContaining({ name: 'pbx', ok: true }),
          expect.objectContaining({ name: 'store', ok: true }),
        ],
      },
    });
  });

  it('says why the bot is not ready when the PBX refuses its credentials, without the secret', async () => {
    const running = await start('a-wrong-api-key');
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    const { status, body } = await readiness(running);
    expect(status).toBe(503);
    expect(body.status).toBe('not ready');
    const pbxCheck = body.checks.find((check) => check.name === 'pbx');
    expect(pbxCheck?.ok).toBe(false);
    expect(pbxCheck?.reason).toContain('401');
    expect(pbxCheck?.reason).toContain('THREECX_CLIENT_SECRET');
    expect(JSON.stringify(body)).not.toContain('a-wrong-api-key');
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
