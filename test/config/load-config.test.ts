import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secretsOf } from '../../src/config/config';
import { loadConfig } from '../../src/config/load-config';
import { readEnvironment } from '../../src/config/read-environment';
import { configError } from './config-error';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment (demo PBX, loopback)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      threecx: undefined,
      slack: undefined,
      teams: undefined,
      teamsDevNoAuth: false,
      databaseUrl: 'sqlite:./data/calls-bot.sqlite',
      defaultTimeZone: undefined,
      defaultLocale: 'en-US',
      weekStart: 'monday',
      serviceLevelSeconds: 20,
      maxPeriodDays: 400,
      digestGraceMinutes: 60,
      pbxMaxResponseMb: 64,
      pbxReportRowCap: 20_000,
      accessUnmapped: undefined,
      privacyMaskNumbers: false,
      playground: false,
      port: 3000,
      host: '127.0.0.1',
    });
  });

  it('reads PBX_MAX_RESPONSE_MB and PBX_REPORT_ROW_CAP, and names them when they are not whole numbers in range', () => {
    expect(loadConfig({ PBX_MAX_RESPONSE_MB: '16', PBX_REPORT_ROW_CAP: '50000' })).toMatchObject({
      pbxMaxResponseMb: 16,
      pbxReportRowCap: 50_000,
    });
    const error = configError({ PBX_MAX_RESPONSE_MB: '0', PBX_REPORT_ROW_CAP: 'lots' });
    expect(error.message).toContain('PBX_MAX_RESPONSE_MB must be a whole number from 1 to 4096, not "0"');
    expect(error.message).toContain(
      'PBX_REPORT_ROW_CAP must be a whole number from 100 to 100000000, not "lots"',
    );
  });

  it('reads a full configuration and listens on all interfaces once a chat platform is set', () => {
    const config = loadConfig({
      THREECX_URL: 'https://pbx.example.com:5001/',
      THREECX_CLIENT_ID: 'calls-bot',
      THREECX_CLIENT_SECRET: 'k3y',
      SLACK_SIGNING_SECRET: 'sign',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'pw',
      MICROSOFT_APP_TENANT_ID: 'tenant',
      DEFAULT_TIMEZONE: 'Europe/Berlin',
      WEEK_START: 'sunday',
      SERVICE_LEVEL_SECONDS: '30',
      PORT: '8080',
    });
    expect(config.threecx).toEqual({
      url: 'https://pbx.example.com:5001',
      clientId: 'calls-bot',
      clientSecret: 'k3y',
    });
    expect(config.slack).toEqual({
      signingSecret: 'sign',
      botToken: 'xoxb-1',
      appToken: undefined,
      apiUrl: 'http://127.0.0.1:9999/api/',
    });
    expect(config.teams).toEqual({
      appId: 'app',
      appPassword: 'pw',
      tenantId: 'tenant',
      appType: 'SingleTenant',
    });
    expect(config).toMatchObject({
      defaultTimeZone: 'Europe/Berlin',
      weekStart: 'sunday',
      serviceLevelSeconds: 30,
      port: 8080,
      host: '0.0.0.0',
    });
  });

  it('lists every problem at once, each naming the variable and what to set', () => {
    const error = configError({
      THREECX_URL: 'pbx.example.com',
      DEFAULT_TIMEZONE: 'Mars/Olympus',
      WEEK_START: 'friday',
      SERVICE_LEVEL_SECONDS: 'twenty',
      PORT: '70000',
      SLACK_SIGNING_SECRET: 'sign',
    });
    expect(error.kind).toBe('config');
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('The configuration has 8 problems:');
    expect(error.message).toContain(
      'THREECX_URL: THREECX_URL must be an http(s) URL such as https://pbx.example.com:5001',
    );
    expect(error.message).toContain(
      'THREECX_CLIENT_ID: is missing: a real PBX needs THREECX_URL, THREECX_CLIENT_ID, THREECX_CLIENT_SECRET',
    );
    expect(error.message).toContain('THREECX_CLIENT_SECRET: is missing');
    expect(error.message).toContain(
      'DEFAULT_TIMEZONE must be an IANA zone such as Europe/Berlin, not "Mars/Olympus"',
    );
    expect(error.message).toContain('WEEK_START must be monday or sunday');
    expect(error.message).toContain(
      'SERVICE_LEVEL_SECONDS must be a whole number from 1 to 3600, not "twenty"',
    );
    expect(error.message).toContain('PORT must be a whole number from 0 to 65535, not "70000"');
    expect(error.message).toContain(
      'SLACK_BOT_TOKEN: is missing: Slack needs SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN',
    );
    expect(error.hint).toContain('README.md');
  });

  it('never puts a secret value in its messages', () => {
    const error = configError({
      SLACK_SIGNING_SECRET: 'super-secret-signing',
      SLACK_BOT_TOKEN: 'not-a-bot-token-secret',
      THREECX_CLIENT_SECRET: 'very-secret-api-key',
    });
    expect(error.message).toContain('SLACK_BOT_TOKEN: must be a bot token starting with xoxb-');
    for (const secret of ['super-secret-signing', 'not-a-bot-token-secret', 'very-secret-api-key']) {
      expect(error.message).not.toContain(secret);
      expect(error.hint).not.toContain(secret);
    }
  });

  it('reads the access settings: ACCESS_UNMAPPED is none or all', () => {
    expect(
      loadConfig({ ACCESS_POLICY: './policy.yaml', ACCESS_UNMAPPED: 'all', PRIVACY_MASK_NUMBERS: 'true' }),
    ).toMatchObject({ accessPolicyPath: './policy.yaml', accessUnmapped: 'all', privacyMaskNumbers: true });
    expect(configError({ ACCESS_UNMAPPED: 'agent' }).message).toContain(
      'ACCESS_UNMAPPED must be none (unlinked chat users see nothing; the default with a real PBX) or all (they see every call)',
    );
  });

  it('requires the tenant for a single-tenant Teams bot and accepts a multi-tenant one without', () => {
    expect(configError({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p' }).message).toContain(
      'MICROSOFT_APP_TENANT_ID: is missing',
    );
    expect(
      loadConfig({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TYPE: 'MultiTenant' })
        .teams?.appType,
    ).toBe('MultiTenant');
  });

  it('reads DEFAULT_LOCALE in its canonical spelling, and names it when Intl does not know it', () => {
    expect(loadConfig({ DEFAULT_LOCALE: 'en-gb' }).defaultLocale).toBe('en-GB');
    expect(loadConfig({ DEFAULT_LOCALE: 'sv-SE' }).defaultLocale).toBe('sv-SE');
    for (const bad of ['en_GB', 'english', 'xx-YY']) {
      const error = configError({ DEFAULT_LOCALE: bad });
      expect(error.kind).toBe('config');
      expect(error.message).toBe(
        `The configuration has a problem:\n- DEFAULT_LOCALE: DEFAULT_LOCALE must be a BCP 47 locale such as en-US, en-GB or de-DE, not "${bad}"`,
      );
    }
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ THREECX_URL: '', PORT: ' ' }).threecx).toBeUndefined();
  });

  it('collects every secret for redaction, including a database password', () => {
    const config = loadConfig({
      THREECX_URL: 'https://pbx.example.com',
      THREECX_CLIENT_ID: 'id',
      THREECX_CLIENT_SECRET: 'api-key-1',
      DATABASE_URL: 'postgres://bot:db%40pass@127.0.0.1/calls',
      PLAYGROUND_TOKEN: 'playground-token-0123456789',
    });
    expect(secretsOf(config)).toEqual(['api-key-1', 'playground-token-0123456789', 'db@pass']);
  });

  it('reads PLAYGROUND_TOKEN, and refuses a short or URL-unsafe one without echoing it', () => {
    expect(loadConfig({ PLAYGROUND_TOKEN: 'a1b2c3d4e5f6a7b8c9d0' }).playgroundToken).toBe(
      'a1b2c3d4e5f6a7b8c9d0',
    );
    expect(loadConfig({}).playgroundToken).toBeUndefined();
    for (const token of ['short-secret', 'has+plus/and=equals-0123456789']) {
      const error = configError({ PLAYGROUND_TOKEN: token });
      expect(error.message).toContain(
        "PLAYGROUND_TOKEN must be 16 to 512 letters, digits, '-', '_', '.' or '~' (e.g. openssl rand -hex 24)",
      );
      expect(error.message).not.toContain(token);
    }
  });

  it('refuses PLAYGROUND=true for replicas (postgres) on a real PBX without PLAYGROUND_TOKEN', () => {
    const replicas = {
      THREECX_URL: 'https://pbx.example.com',
      THREECX_CLIENT_ID: 'id',
      THREECX_CLIENT_SECRET: 'api-key-1',
      DATABASE_URL: 'postgres://bot:pw@db.example.com/calls',
    };
    expect(configError({ ...replicas, PLAYGROUND: 'true' }).message).toBe(
      'The configuration has a problem:\n- PLAYGROUND_TOKEN: is missing: PLAYGROUND=true with a real PBX and a postgres:// DATABASE_URL (replicas) needs one token every replica shares (e.g. openssl rand -hex 24), or unset PLAYGROUND',
    );
    expect(
      loadConfig({ ...replicas, PLAYGROUND: 'true', PLAYGROUND_TOKEN: 'shared-token-0123456789' }).playground,
    ).toBe(true);
    expect(loadConfig(replicas).playground).toBe(false);
  });

  it('reads MICROSOFT_APP_TENANT_ID as the one tenant Teams answers, also in dev-no-auth', () => {
    expect(loadConfig({ TEAMS_DEV_NO_AUTH: 'true', MICROSOFT_APP_TENANT_ID: 'tenant-a' }).teamsTenantId).toBe(
      'tenant-a',
    );
    expect(loadConfig({}).teamsTenantId).toBeUndefined();
  });
});

describe('readEnvironment', () => {
  it('reads .env and lets the real environment win', () => {
    const folder = mkdtempSync(join(tmpdir(), 'calls-bot-env-'));
    const file = join(folder, '.env');
    writeFileSync(file, 'DEFAULT_TIMEZONE=Asia/Kolkata\nPORT=4000\n');
    const env = readEnvironment({ PORT: '5000' }, file);
    expect(env.DEFAULT_TIMEZONE).toBe('Asia/Kolkata');
    expect(env.PORT).toBe('5000');
    expect(readEnvironment({}, join(folder, 'missing.env'))).toEqual({});
  });
});
