import { maskNumbersInText } from '../../src/access/mask-number';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { runCliInProcess, runCliJson, runCliReport } from '../helpers/run-cli-in-process';

const NOW = new Date('2026-11-29T10:00:00Z');
let pbx: DemoPbx;

beforeAll(async () => {
  pbx = await startDemoPbx({ seed: 42, now: NOW });
});
afterAll(async () => {
  await pbx.close();
});

function runText(words: string[], env: Record<string, string>) {
  return runCliInProcess([...words, '--tz', 'Europe/Berlin', '--now', NOW.toISOString()], {
    pbx,
    now: NOW,
    env,
  });
}

describe('the terminal with PRIVACY_MASK_NUMBERS=true', () => {
  it('masks external numbers in the text, the JSON report and the raw rows', async () => {
    const plain = await runCliReport(['last', 'week', 'missed'], 'Europe/Berlin', { pbx, now: NOW });
    const numbers = plain.missedCalls.map((call) => call.from).filter((from) => from.startsWith('+'));
    expect(numbers.length).toBeGreaterThan(3);
    const masked = { PRIVACY_MASK_NUMBERS: 'true' };

    const text = await runText(['list', 'last', 'week', 'missed'], masked);
    expect(text.code).toBe(0);
    for (const number of numbers) expect(text.stdout).not.toContain(number);
    expect(text.stdout).toMatch(/\+\d{1,3} \d\d•• •+\d{4}/);

    const json = await runCliReport(['last', 'week', 'missed'], 'Europe/Berlin', {
      pbx,
      now: NOW,
      env: masked,
    });
    expect(json.totals).toEqual(plain.totals);
    expect(json.missedCalls.map((call) => call.from)).toEqual(
      plain.missedCalls.map((call) => maskNumbersInText(call.from)),
    );
    for (const number of numbers) expect(JSON.stringify(json)).not.toContain(number);

    const rows = (await runCliJson(['rows', 'nov', '27'], 'Europe/Berlin', {
      pbx,
      now: NOW,
      env: masked,
    })) as Record<string, unknown>[];
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
