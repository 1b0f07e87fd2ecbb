import { maskNumbersInText } from '../../src/access/mask-number';
import { runCli } from '../../src/adapters/cli/run-cli';
import type { Report } from '../../src/core/report';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { runCliJson } from './access-test-setup';

const NOW = new Date('2026-11-29T10:00:00Z');
let pbx: DemoPbx;

beforeAll(async () => {
  pbx = await startDemoPbx({ seed: 42, now: NOW });
});
afterAll(async () => {
  await pbx.close();
});

async function runText(words: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...words, '--tz', 'Europe/Berlin', '--now', NOW.toISOString()], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {
      THREECX_URL: pbx.url,
      THREECX_CLIENT_ID: pbx.clientId,
      THREECX_CLIENT_SECRET: pbx.clientSecret,
      ...env,
    },
    now: () => NOW,
    machineTimeZone: 'UTC',
  });
  return { code, stdout, stderr };
}

describe('the terminal with PRIVACY_MASK_NUMBERS=true', () => {
  it('masks external numbers in the text, the JSON report and the raw rows', async () => {
    const plain = await runCliJson<Report>(['last', 'week', 'missed'], pbx, NOW);
    const numbers = plain.missedCalls.map((call) => call.from).filter((from) => from.startsWith('+'));
    expect(numbers.length).toBeGreaterThan(3);
    const masked = { PRIVACY_MASK_NUMBERS: 'true' };

    const text = await runText(['list', 'last', 'week', 'missed'], masked);
    expect(text.code).toBe(0);
    for (const number of numbers) expect(text.stdout).not.toContain(number);
    expect(text.stdout).toMatch(/\+\d{1,3} \d\d•• •+\d{4}/);

    const json = await runCliJson<Report>(['last', 'week', 'missed'], pbx, NOW, masked);
    expect(json.totals).toEqual(plain.totals);
    expect(json.missedCalls.map((call) => call.from)).toEqual(
      plain.missedCalls.map((call) => maskNumbersInText(call.from)),
    );
    for (const number of numbers) expect(JSON.stringify(json)).not.toContain(number);

    const rows = await runCliJson<Record<string, unknown>[]>(['rows', 'nov', '27'], pbx, NOW, masked);
    const callerIds = rows.map((row) => String(row.SourceCallerId ?? ''));
    expect(callerIds.some((id) => /^\+\d{1,3} \d\d•• •+\d{4}$/.test(id))).toBe(true);
    expect(callerIds.every((id) => !/^\+\d{7,}$/.test(id))).toBe(true);
  });

  it('refuses `me`: the terminal has no chat account to tell whose', async () => {
    const run = await runText(['me', 'yesterday'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '"me" means the asker\'s own extension, and the terminal has no chat account to tell whose: name the extension.',
    );
    expect(run.stdout).toBe('');
  });
});
