import { loadConfig } from '../src/config/load-config';
import { silentLogger } from '../src/core/logger';
import { startDemoPbx } from '../src/demo/demo-pbx';
import { startBot } from '../src/start-bot';
import { startupBanner } from '../src/startup-banner';
import { demoPbxEnv } from './helpers/run-cli-in-process';

describe('startupBanner', () => {
  it('says, for a newcomer, what is on and off and where the playground is', async () => {
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', PORT: '0' });
    const bot = await startBot({ config, logger: silentLogger, startScheduler: false });
    try {
      expect(startupBanner(config, bot).split('\n')).toEqual([
        `calls-bot is listening on ${bot.url}`,
        '  PBX:        the built-in demo PBX (set THREECX_URL to use your 3CX)',
        '  Chat:       Teams (not configured: /api/messages answers 401)',
        '  Chat:       Slack not configured (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)',
        `  Playground: ${bot.url}/  (try a command there)`,
        `  Health:     ${bot.url}/healthz and ${bot.url}/readyz`,
      ]);
    } finally {
      await bot.close();
    }
  });

  it('says whether Slack shows charts as images (PUBLIC_URL) or as text bars', () => {
    const bot = { url: 'http://127.0.0.1:3000', adapters: [], playground: { serve: false, reason: 'off' } };
    const slack = { SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-1' };
    const bannerFor = (env: Record<string, string>) =>
      startupBanner(loadConfig(env), bot as unknown as Parameters<typeof startupBanner>[1]).split('\n');
    expect(bannerFor({ ...slack, PUBLIC_URL: 'https://calls.example.com/' })).toContain(
      '  Charts:     images in Slack from https://calls.example.com/chart.png',
    );
    expect(bannerFor(slack)).toContain('  Charts:     text bars in Slack (set PUBLIC_URL for images)');
    expect(bannerFor({}).some((line) => line.includes('Charts:'))).toBe(false);
  });

  it('names PLAYGROUND_TOKEN in the playground address, never its value', async () => {
    const pbx = await startDemoPbx({ seed: 42 });
    const token = 'configured-playground-token-42';
    const config = loadConfig({
      ...demoPbxEnv(pbx),
      PLAYGROUND_TOKEN: token,
      DATABASE_URL: 'sqlite::memory:',
      PORT: '0',
    });
    const bot = await startBot({ config, logger: silentLogger, startScheduler: false });
    try {
      const banner = startupBanner(config, bot);
      expect(banner.split('\n')).toContain(
        `  Playground: ${bot.url}/?token=<PLAYGROUND_TOKEN>  (open it with your token)`,
      );
      expect(banner).not.toContain(token);
    } finally {
      await bot.close();
      await pbx.close();
    }
  });
});
