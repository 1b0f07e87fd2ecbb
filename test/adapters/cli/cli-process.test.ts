import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * `npm run -s calls` as a user runs it: its own process, TypeScript through tsx (the other CLI
 * tests run the CLI in Jest's process, compiled by swc). tsx resolves modules its own way (it
 * follows tsconfig `paths`, for one), so dates read by chrono and holidays read by date-holidays,
 * both loaded on first use, are asked for here. `explain` needs no PBX.
 */

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..', '..');

async function explain(words: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    'npm',
    [
      'run',
      '-s',
      'calls',
      '--',
      'explain',
      ...words,
      '--json',
      '--tz',
      'Europe/Berlin',
      '--now',
      '2026-11-29T10:00:00Z',
      '--locale',
      'en-GB',
    ],
    { cwd: ROOT, env: { ...process.env, THREECX_URL: '', DATABASE_URL: 'sqlite::memory:' }, timeout: 60_000 },
  );
  return JSON.parse(stdout) as Record<string, unknown>;
}

it('reads a date through chrono and a holiday through date-holidays in the real `npm run calls` process', async () => {
  const [date, holiday] = await Promise.all([
    explain(['calls', 'on', 'nov', '3']),
    explain(['christmas', 'ext', '101']),
  ]);
  expect(date.window).toEqual({
    from: '2026-11-03T00:00:00.000+01:00',
    to: '2026-11-04T00:00:00.000+01:00',
    timeZone: 'Europe/Berlin',
  });
  expect(holiday.window).toEqual({
    from: '2025-12-25T00:00:00.000+01:00',
    to: '2025-12-26T00:00:00.000+01:00',
    timeZone: 'Europe/Berlin',
  });
  expect(holiday.assumptions).toEqual([
    {
      code: 'holiday-country',
      text: 'christmas is Christmas Day in the holidays of GB (from your locale en-GB)',
    },
  ]);
}, 90_000);
