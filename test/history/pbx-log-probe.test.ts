import type { CallLeg } from '../../src/core/call-leg';
import { PbxLogProbe } from '../../src/history/pbx-log-probe';
import { toCallLeg } from '../../src/threecx/call-log-row';
import { countUrls, createRecordingLogger, expectedRows } from '../threecx/demo-helpers';
import { useHistoryDemoPbx } from './history-test-bed';

/**
 * The probe's verdict on a stored day (issue 20), asked of the demo PBX over the wire: the count,
 * and whether the stored day holds the row that came with it (`holds`, which `StoredLogTrust`
 * answers from the store; here the test answers it).
 */

const NOW = new Date('2026-11-29T10:00:00Z');
const DAY = '2026-11-26';
const ONE_DAY = { first: DAY, last: DAY };
const bed = useHistoryDemoPbx({ seed: 7, now: NOW, days: 10, callsPerDay: 60 });

function dayRows() {
  return expectedRows(bed.pbx, `${DAY}T00:00:00Z`, '2026-11-27T00:00:00Z');
}

function probeAnswering(held: boolean | undefined) {
  const asked: Array<{ day: string; leg: CallLeg }> = [];
  const { logger, lines } = createRecordingLogger();
  const probe = new PbxLogProbe({
    inner: bed.freshClient(),
    now: () => NOW,
    logger,
    holds: async (day, leg) => {
      asked.push({ day, leg });
      return held;
    },
  });
  const warnings = () =>
    lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.level === 'warn')
      .map((entry) => entry.message);
  return { probe, asked, warnings };
}

beforeEach(() => {
  bed.pbx.requests.length = 0;
});

it('is "same" when the count is the stored one and the stored day holds the row that came with it', async () => {
  const { probe, asked, warnings } = probeAnswering(true);
  const rows = dayRows();
  expect(await probe.check(ONE_DAY, rows.length)).toBe('same');
  // One count request; the row the PBX sent first for the day, read as the report reads rows.
  expect(countUrls(bed.pbx)).toHaveLength(1);
  expect(asked).toHaveLength(1);
  expect(asked[0]!.day).toBe(DAY);
  expect(rows.map((row) => toCallLeg(row))).toContainEqual(asked[0]!.leg);
  expect(warnings()).toEqual([]);
});

it('counts a span of days in one request, and looks for the row in the day it starts on', async () => {
  const { probe, asked } = probeAnswering(true);
  const rows = expectedRows(bed.pbx, '2026-11-24T00:00:00Z', '2026-11-27T00:00:00Z');
  const days = new Set(rows.map((row) => String(row.StartTime).slice(0, 10)));
  expect(days).toEqual(new Set(['2026-11-24', '2026-11-25', DAY]));
  expect(await probe.check({ first: '2026-11-24', last: DAY }, rows.length)).toBe('same');
  const urls = countUrls(bed.pbx);
  expect(urls).toHaveLength(1);
  expect(decodeURIComponent(urls[0]!)).toContain(
    'periodFrom=2026-11-24T00:00:00.000Z,periodTo=2026-11-26T23:59:59.999Z',
  );
  expect(asked).toHaveLength(1);
  expect(asked[0]!.day).toBe(new Date(asked[0]!.leg.startMs).toISOString().slice(0, 10));
  expect(rows.map((row) => toCallLeg(row))).toContainEqual(asked[0]!.leg);
  // One row fewer than the PBX now counts over the three days: another count.
  expect(await probe.check({ first: '2026-11-24', last: DAY }, rows.length - 1)).toBe('changed');
});

it('is "changed" when the count is the stored one but the stored day lacks that row (another log)', async () => {
  const { probe, warnings } = probeAnswering(false);
  expect(await probe.check(ONE_DAY, dayRows().length)).toBe('changed');
  expect(warnings()).toEqual([
    'The PBX has a call on a stored call-log day that the stored day does not have',
  ]);
});

it('goes by the count alone when the store cannot tell', async () => {
  const { probe } = probeAnswering(undefined);
  expect(await probe.check(ONE_DAY, dayRows().length)).toBe('same');
});

it('does not look for a row the PBX sent from outside the day (its period may reach further)', async () => {
  const { probe, asked } = probeAnswering(false);
  const rows = dayRows();
  const dayBefore = expectedRows(bed.pbx, '2026-11-25T00:00:00Z', `${DAY}T00:00:00Z`);
  bed.pbx.misbehave({
    endpoint: 'calllog',
    status: 200,
    body: { '@odata.count': rows.length, value: [dayBefore.at(-1)] },
  });
  expect(await probe.check(ONE_DAY, rows.length)).toBe('same');
  expect(asked).toEqual([]);
});

it('is "changed" on another count, without looking for the row', async () => {
  const { probe, asked, warnings } = probeAnswering(true);
  expect(await probe.check(ONE_DAY, dayRows().length + 1)).toBe('changed');
  expect(asked).toEqual([]);
  expect(warnings()).toEqual(['The PBX counts stored call-log days differently from when they were stored']);
});

it('is "unknown" when the count fails, and asks again next time', async () => {
  const { probe, warnings } = probeAnswering(true);
  bed.pbx.misbehave({ endpoint: 'calllog', status: 400, times: 1 });
  expect(await probe.check(ONE_DAY, dayRows().length)).toBe('unknown');
  expect(warnings()).toEqual(['Could not ask the PBX to count stored call-log days']);
  expect(await probe.check(ONE_DAY, dayRows().length)).toBe('same');
  expect(countUrls(bed.pbx)).toHaveLength(2);
});
