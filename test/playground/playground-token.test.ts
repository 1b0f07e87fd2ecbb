import type { PlaygroundResult } from '../../src/playground/to-playground-result';
import { type PlaygroundTestBed, type RawResponse, startPlaygroundTestBed } from './playground-test-bed';

const ZONE = 'Europe/Berlin';
const NEEDS_TOKEN =
  'The playground needs its token: open the address with ?token= that calls-bot printed when it started (or use your PLAYGROUND_TOKEN).';
const COMMAND = JSON.stringify({ text: 'last week ext 101', timeZone: ZONE });

/** Every playground route, as a browser or curl would call it. */
const ROUTES: { method: string; path: string; body?: string }[] = [
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/playground/app.js' },
  { method: 'GET', path: '/playground/style.css' },
  { method: 'GET', path: '/playground/adaptivecards.js' },
  { method: 'GET', path: '/playground/download?id=anything' },
  { method: 'POST', path: '/playground/api/command', body: COMMAND },
  {
    method: 'POST',
    path: '/playground/api/action',
    body: JSON.stringify({ actionId: 'missed', value: 'x' }),
  },
  { method: 'GET', path: '/playground/api/channel' },
  { method: 'POST', path: '/playground/api/channel/command', body: JSON.stringify({ text: 'schedules' }) },
  {
    method: 'POST',
    path: '/playground/api/channel/action',
    body: JSON.stringify({ actionId: 'missed', value: 'x' }),
  },
  { method: 'POST', path: '/playground/api/channel/run-now', body: JSON.stringify({ id: 'k3m9qa' }) },
];

function tokenOf(bed: PlaygroundTestBed): string {
  if (!bed.plan.serve || !bed.plan.token) throw new Error('expected a playground with a token');
  return bed.plan.token.value;
}

/** What nginx's default `proxy_pass http://127.0.0.1:PORT` sends: the upstream's own name as Host. */
function proxyHost(bed: PlaygroundTestBed): string {
  return `127.0.0.1:${new URL(bed.url).port}`;
}

/** The `name=value` part of the response's Set-Cookie, for the next request's Cookie header. */
function cookieFrom(response: RawResponse): string {
  const [setCookie] = response.headers['set-cookie'] ?? [];
  if (!setCookie) throw new Error(`no Set-Cookie in a ${response.status} answer`);
  return setCookie.split(';')[0] ?? '';
}

describe('the playground with a real PBX (THREECX_URL) and a token made at start', () => {
  let bed: PlaygroundTestBed;
  beforeAll(async () => {
    bed = await startPlaygroundTestBed({ realPbx: true });
  });
  afterAll(async () => {
    await bed?.close();
  });

  it('made a random token', () => {
    expect(bed.plan).toEqual({ serve: true, token: { value: expect.any(String), source: 'generated' } });
  });

  it('behind a reverse proxy (Host: 127.0.0.1), answers 401 on every route without the cookie and asks the PBX nothing', async () => {
    const pbxRequestsBefore = bed.pbx?.requests.length;
    for (const host of [proxyHost(bed), '127.0.0.1', 'localhost']) {
      for (const route of ROUTES) {
        const response = await bed.send(route.path, {
          method: route.method,
          headers: { host, 'content-type': 'application/json' },
          ...(route.body !== undefined && { body: route.body }),
        });
        expect([route.path, response.status]).toEqual([route.path, 401]);
        expect(response.headers['set-cookie']).toBeUndefined();
        expect(response.body).toContain(NEEDS_TOKEN);
        expect(response.body).not.toContain('<title>');
      }
    }
    expect(bed.pbx?.requests.length).toBe(pbxRequestsBefore);
    expect(bed.logs.some((entry) => entry.message === 'playground command')).toBe(false);
  });

  it('refuses a wrong token with 401 and no cookie', async () => {
    const token = tokenOf(bed);
    const wrong = [`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, `${token}x`, '', 'guess'];
    for (const guess of wrong) {
      const response = await bed.send(`/?token=${encodeURIComponent(guess)}`, {
        headers: { host: proxyHost(bed) },
      });
      expect(response.status).toBe(401);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.body).toBe(
        'That playground token is not right: open the address calls-bot printed when it started.',
      );
    }
  });

  it('exchanges the right token for an HttpOnly, SameSite=Strict cookie and a redirect that drops it from the address', async () => {
    const token = tokenOf(bed);
    const visit = await bed.send(`/?token=${token}&tab=json`, { headers: { host: proxyHost(bed) } });
    expect(visit.status).toBe(302);
    expect(visit.headers.location).toBe('/?tab=json');
    expect(visit.headers['cache-control']).toBe('no-store');
    const [setCookie] = visit.headers['set-cookie'] ?? [];
    expect(setCookie).toMatch(
      /^calls_bot_playground_\d+=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(setCookie).not.toContain(token);

    const cookie = cookieFrom(visit);
    const page = await bed.send('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>calls-bot playground</title>');

    const answered = await bed.send('/playground/api/command', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: COMMAND,
    });
    expect(answered.status).toBe(200);
    const result = JSON.parse(answered.body) as PlaygroundResult;
    const cli = await bed.runCliJson(['last', 'week', 'ext', '101'], ZONE);
    expect(result.reply).toMatchObject({ kind: 'report', report: cli });
    expect(cli.totals.calls).toBeGreaterThan(0);
  });

  it('lets a download through only with the cookie', async () => {
    const cookie = cookieFrom(await bed.send(`/?token=${tokenOf(bed)}`));
    const rows = await bed.send('/playground/api/command', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'rows yesterday top=2', timeZone: ZONE }),
    });
    const [file] = (JSON.parse(rows.body) as PlaygroundResult).files;
    if (!file) throw new Error('expected a rows download');
    expect((await bed.send(file.url)).status).toBe(401);
    const download = await bed.send(file.url, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(JSON.parse(download.body)).toHaveLength(2);
  });

  it('refuses a forged cookie', async () => {
    const name = cookieFrom(await bed.send(`/?token=${tokenOf(bed)}`)).split('=')[0];
    for (const cookie of [`${name}=${tokenOf(bed)}`, `${name}=`, `other=1; ${name}=forged`]) {
      expect((await bed.send('/playground/app.js', { headers: { cookie } })).status).toBe(401);
    }
  });

  it('never writes the token to the log, not even at debug level', async () => {
    const token = tokenOf(bed);
    const cookie = cookieFrom(await bed.send(`/?token=${token}`));
    await bed.send(`/?token=${token}x`);
    await bed.send('/playground/api/command', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'yesterday', timeZone: ZONE }),
    });
    expect(bed.logs.map((entry) => entry.message)).toContain('playground command');
    for (const entry of bed.logs) expect(JSON.stringify(entry)).not.toContain(token);
  });
});

describe('the playground with PLAYGROUND_TOKEN', () => {
  const TOKEN = 'configured-playground-token-42';
  let bed: PlaygroundTestBed;
  beforeAll(async () => {
    bed = await startPlaygroundTestBed({ realPbx: true, env: { PLAYGROUND_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await bed?.close();
  });

  it('asks for that token, not a random one', async () => {
    expect(bed.plan).toEqual({ serve: true, token: { value: TOKEN, source: 'PLAYGROUND_TOKEN' } });
    expect((await bed.send('/playground/app.js')).status).toBe(401);
    const visit = await bed.send(`/?token=${TOKEN}`);
    expect(visit.status).toBe(302);
    expect(visit.headers.location).toBe('/');
    const script = await bed.send('/playground/app.js', { headers: { cookie: cookieFrom(visit) } });
    expect(script.status).toBe(200);
  });
});

describe('the playground on the demo PBX (no THREECX_URL)', () => {
  it('needs no token', async () => {
    const bed = await startPlaygroundTestBed();
    try {
      expect(bed.plan).toEqual({ serve: true, token: undefined });
      expect((await bed.send('/', { headers: { host: '127.0.0.1' } })).status).toBe(200);
      const answered = await bed.send('/playground/api/command', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: COMMAND,
      });
      expect(answered.status).toBe(200);
    } finally {
      await bed.close();
    }
  });
});
