import { loadConfig } from '../../src/config/load-config';
import { planPlayground } from '../../src/playground/plan-playground';

const REAL_PBX = {
  THREECX_URL: 'https://pbx.example.com:5001',
  THREECX_CLIENT_ID: 'calls-bot',
  THREECX_CLIENT_SECRET: 'pbx-secret',
};
const POSTGRES = { DATABASE_URL: 'postgres://bot:pw@db.example.com/calls' };
const TOKEN = 'fixed-playground-token-0123456789';

function plan(env: Record<string, string>) {
  return planPlayground(loadConfig(env), () => 'random-token');
}

describe('planPlayground', () => {
  it.each([
    ['127.0.0.1', undefined, true],
    ['localhost', undefined, true],
    ['::1', undefined, true],
    ['0.0.0.0', undefined, false],
    ['::', undefined, false],
    ['192.168.1.20', undefined, false],
    ['0.0.0.0', 'true', true],
  ])('HOST=%s PLAYGROUND=%s serves: %s', (host, playground, expected) => {
    const env: Record<string, string> = { HOST: host, ...(playground && { PLAYGROUND: playground }) };
    expect(plan(env).serve).toBe(expected);
  });

  it('asks no token on the demo PBX', () => {
    expect(plan({})).toEqual({ serve: true, token: undefined });
  });

  it('with a real PBX, makes a token at each start unless PLAYGROUND_TOKEN gives one', () => {
    expect(plan(REAL_PBX)).toEqual({ serve: true, token: { value: 'random-token', source: 'generated' } });
    expect(plan({ ...REAL_PBX, PLAYGROUND_TOKEN: TOKEN })).toEqual({
      serve: true,
      token: { value: TOKEN, source: 'PLAYGROUND_TOKEN' },
    });
  });

  it('asks PLAYGROUND_TOKEN whenever it is set, also on the demo PBX', () => {
    expect(plan({ PLAYGROUND_TOKEN: TOKEN })).toEqual({
      serve: true,
      token: { value: TOKEN, source: 'PLAYGROUND_TOKEN' },
    });
  });

  it('stays off, with a warning, for replicas (postgres) on a real PBX without PLAYGROUND_TOKEN', () => {
    expect(plan({ ...REAL_PBX, ...POSTGRES })).toEqual({
      serve: false,
      reason:
        'replicas (a postgres:// DATABASE_URL) with a real PBX need PLAYGROUND_TOKEN, one token every replica shares',
      warn: true,
    });
    expect(plan({ ...REAL_PBX, ...POSTGRES, PLAYGROUND_TOKEN: TOKEN })).toMatchObject({ serve: true });
    expect(plan({ ...POSTGRES })).toEqual({ serve: true, token: undefined });
  });

  it('makes a new, long random token each time by default', () => {
    const config = loadConfig(REAL_PBX);
    const [first, second] = [planPlayground(config), planPlayground(config)];
    if (!first.serve || !second.serve) throw new Error('expected the playground on');
    expect(first.token?.value).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(second.token?.value).not.toBe(first.token?.value);
  });
});
