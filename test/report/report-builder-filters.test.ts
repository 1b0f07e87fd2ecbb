import type { CallLeg } from '../../src/core/call-leg';
import type { ReportFilters } from '../../src/core/report-request';
import { at, buildLeg } from '../helpers/build-leg';
import { ivrQueueAgentCall, ivrQueueMissedCall } from './call-scenarios';
import { reportOf } from './report-fixtures';

/**
 * Five calls: A inbound via queue 800 answered by 101 (Jane, +44 20 7123 4567); B inbound via 800
 * missed (same caller); C inbound to 102 transferred to 103 (+1 555 010 9999); D outbound 101 →
 * +49 30 1234567; E internal 102 → 555 (a DN not in the directory).
 */
const legs: CallLeg[] = [
  ...ivrQueueAgentCall('A', 0),
  ...ivrQueueMissedCall('B', 3600),
  buildLeg({
    callKey: 'C',
    segmentId: 1,
    startMs: at(7200),
    sourceCallerId: '+1 (555) 010-9999',
    sourceDisplayName: 'Sam',
    destinationDn: '102',
    talkingSeconds: 20,
  }),
  buildLeg({
    callKey: 'C',
    segmentId: 2,
    startMs: at(7225),
    sourceCallerId: '+1 (555) 010-9999',
    destinationDn: '103',
    talkingSeconds: 30,
  }),
  buildLeg({
    callKey: 'D',
    startMs: at(10800),
    direction: 'Outbound',
    sourceDn: '101',
    sourceCallerId: '101',
    destinationDn: '10000',
    destinationCallerId: '+49301234567',
    talkingSeconds: 15,
  }),
  buildLeg({
    callKey: 'E',
    startMs: at(14400),
    direction: 'Internal',
    sourceDn: '102',
    sourceCallerId: '102',
    destinationDn: '555',
    destinationCallerId: '555',
    talkingSeconds: 5,
  }),
];

/** The Berlin start times (HH:MM) of the calls that pass `filters`, newest first. */
async function startsFor(filters: Partial<ReportFilters>): Promise<string> {
  const report = await reportOf(legs, { filters, includeCalls: true });
  return report.calls!.map((call) => call.start.slice(11, 16)).join(' ');
}

describe('ReportBuilder: filters', () => {
  it('reports every call without filters', async () => {
    // Call starts in Berlin: A 09:02, B 10:02, C 11:00, D 12:00, E 13:00 (newest first).
    expect(await startsFor({})).toBe('13:00 12:00 11:00 10:02 09:02');
  });

  it('filters by extension: involved as source or destination of any leg; values OR', async () => {
    expect(await startsFor({ extensions: ['101'] })).toBe('12:00 10:02 09:02');
    expect(await startsFor({ extensions: ['103'] })).toBe('11:00');
    expect(await startsFor({ extensions: ['103', '101'] })).toBe('12:00 11:00 10:02 09:02');
    expect(await startsFor({ extensions: ['555'] })).toBe('13:00');
    expect(await startsFor({ extensions: ['104'] })).toBe('');
  });

  it('filters by queue, direction and status', async () => {
    expect(await startsFor({ queues: ['800'] })).toBe('10:02 09:02');
    expect(await startsFor({ queues: ['801'] })).toBe('');
    expect(await startsFor({ directions: ['inbound'] })).toBe('11:00 10:02 09:02');
    expect(await startsFor({ directions: ['outbound', 'internal'] })).toBe('13:00 12:00');
    expect(await startsFor({ status: 'answered' })).toBe('13:00 12:00 11:00 09:02');
    expect(await startsFor({ status: 'missed' })).toBe('10:02');
  });

  it('filters by number within the digits of any caller id, however it is written', async () => {
    expect(await startsFor({ numbers: ['+44 20 7123'] })).toBe('10:02 09:02');
    expect(await startsFor({ numbers: ['2071234567'] })).toBe('10:02 09:02');
    expect(await startsFor({ numbers: ['5550109999'] })).toBe('11:00');
    expect(await startsFor({ numbers: ['301234'] })).toBe('12:00');
    expect(await startsFor({ numbers: ['555'] })).toBe('13:00 11:00');
    expect(await startsFor({ numbers: ['999', '4930'] })).toBe('12:00 11:00');
    expect(await startsFor({ numbers: ['777'] })).toBe('');
    expect(await startsFor({ numbers: ['+--'] })).toBe('');
  });

  it('ANDs different kinds', async () => {
    expect(await startsFor({ extensions: ['101'], queues: ['800'] })).toBe('10:02 09:02');
    expect(await startsFor({ extensions: ['101'], directions: ['outbound'] })).toBe('12:00');
    expect(await startsFor({ queues: ['800'], directions: ['inbound'], status: 'missed' })).toBe('10:02');
    expect(await startsFor({ extensions: ['102'], status: 'answered', numbers: ['555'] })).toBe(
      '13:00 11:00',
    );
    expect(await startsFor({ extensions: ['101'], numbers: ['5550109999'] })).toBe('');
  });

  it('keeps totals over whole calls and lists other extensions of the filtered calls', async () => {
    const report = await reportOf(legs, { filters: { extensions: ['103'] } });
    expect(report.totals).toMatchObject({ calls: 1, answered: 1, talkSeconds: 50 });
    expect(report.byExtension.map((row) => [row.extension, row.talkSeconds])).toEqual([
      ['102', 20],
      ['103', 30],
    ]);
  });

  it('copies the filters deduplicated, numbers in ascending order and directions in spec order', async () => {
    const report = await reportOf(legs, {
      filters: {
        extensions: ['102', '99', '101', '102'],
        queues: ['801', '800'],
        numbers: ['4420', '301'],
        directions: ['internal', 'inbound'],
        status: 'answered',
      },
    });
    expect(report.filters).toEqual({
      extensions: ['99', '101', '102'],
      queues: ['800', '801'],
      numbers: ['301', '4420'],
      directions: ['inbound', 'internal'],
      status: 'answered',
    });
  });

  it('narrows byExtension and byQueue to the visible scope, leaving totals alone', async () => {
    const report = await reportOf(legs, {
      visibleExtensions: new Set(['101', '103']),
      visibleQueues: new Set(),
    });
    expect(report.totals.calls).toBe(5);
    expect(report.byExtension.map((row) => row.extension)).toEqual(['101', '103']);
    expect(report.byQueue).toEqual([]);
    const queuesOnly = await reportOf(legs, { visibleQueues: new Set(['800']) });
    expect(queuesOnly.byQueue.map((row) => row.queue)).toEqual(['800']);
    expect(queuesOnly.byExtension.map((row) => [row.extension, row.calls])).toEqual([
      ['102', 4],
      ['101', 3],
      ['103', 1],
    ]);
  });

  it('keeps to an access scope: calls involving any scope DN, ANDed with the filters, lists within it', async () => {
    const startsIn = async (
      scope: { extensions: string[]; queues: string[] },
      filters: Partial<ReportFilters> = {},
    ) =>
      (await reportOf(legs, { filters, scope, includeCalls: true }))
        .calls!.map((call) => call.start.slice(11, 16))
        .join(' ');
    expect(await startsIn({ extensions: ['101'], queues: [] })).toBe('12:00 10:02 09:02');
    expect(await startsIn({ extensions: ['103'], queues: ['800'] })).toBe('11:00 10:02 09:02');
    expect(await startsIn({ extensions: [], queues: ['801'] })).toBe('');
    expect(await startsIn({ extensions: ['101'], queues: [] }, { directions: ['outbound'] })).toBe('12:00');
    expect(await startsIn({ extensions: ['101'], queues: [] }, { extensions: ['103'] })).toBe('');
    const report = await reportOf(legs, { scope: { extensions: ['102'], queues: [] } });
    const filtered = await reportOf(legs, { filters: { extensions: ['102'] } });
    expect(report.totals).toEqual(filtered.totals);
    expect(report.totals.calls).toBe(4);
    expect(report.byExtension.map((row) => [row.extension, row.calls])).toEqual([['102', 4]]);
    expect(report.byQueue).toEqual([]);
    expect(report.filters.extensions).toEqual([]);
    const queue = await reportOf(legs, { scope: { extensions: [], queues: ['800'] } });
    expect(queue.totals.calls).toBe(2);
    expect(queue.byQueue.map((row) => [row.queue, row.calls])).toEqual([['800', 2]]);
    expect(queue.byExtension).toEqual([]);
  });
});
