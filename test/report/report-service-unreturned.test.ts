import { parseCommand } from '../../src/commands/parse-command';
import type { CallLeg } from '../../src/core/call-leg';
import type { CallLogQuery, CallLogSource } from '../../src/core/call-log-source';
import type { ReportRequest } from '../../src/core/report-request';
import { reportSchema } from '../../src/report/report-schema';
import { ReportService } from '../../src/report/report-service';
import { CALLBACK_DIRECTORY, type CallbackScenario, callLegs } from '../callbacks/callback-legs';

/** Wed 18 Nov 2026, 10:00 in Berlin: `yesterday` is Tue 17 Nov. */
const NOW = new Date('2026-11-18T09:00:00.000Z');
const TUESDAY_MS = Date.parse('2026-11-16T23:00:00.000Z');
const HOUR_MS = 3_600_000;
const at = (hours: number) => TUESDAY_MS + hours * HOUR_MS;

/** A call-log source over fixed legs that records what it was asked for. */
function sourceOf(legs: readonly CallLeg[]): CallLogSource & { queries: CallLogQuery[] } {
  const queries: CallLogQuery[] = [];
  const inQuery = (query: CallLogQuery) =>
    legs.filter((leg) => leg.startMs >= query.from.getTime() && leg.startMs < query.to.getTime());
  return {
    queries,
    legDisorderMs: 24 * HOUR_MS,
    async *streamLegs(query) {
      queries.push(query);
      yield* inQuery(query);
    },
    async *streamRows() {},
    countRows: async () => 0,
    getDirectory: async () => CALLBACK_DIRECTORY,
    checkConnection: async () => {},
  };
}

const CALLS: Array<[string, number, CallbackScenario]> = [
  // 09:00 Jane misses queue 800 (ext 102 rang); Chloé returns her call the next morning.
  ['jane-miss', at(9), { kind: 'missed', via: 'queue', number: '+44 20 7946 0123', extension: '102' }],
  [
    'jane-return',
    at(24 + 9.5),
    { kind: 'outbound', number: '020 7946 0123', extension: '102', talkSeconds: 120 },
  ],
  // 11:00 Tom misses ext 101; Ben tries once, nobody answers.
  ['tom-miss', at(11), { kind: 'missed', via: 'extension', number: '+15551234567', extension: '101' }],
  ['tom-try', at(12), { kind: 'outbound', number: '+15551234567', extension: '101', talkSeconds: 0 }],
  // 15:00 someone withholds their number.
  ['anon-miss', at(15), { kind: 'missed', via: 'ivr', number: 'anonymous', extension: '101' }],
  // 16:00 an answered call: no miss.
  ['ann', at(16), { kind: 'answered', number: '+447700900123', extension: '101' }],
];
const LEGS = [
  ...CALLS.flatMap(([key, startMs, scenario]) => callLegs(key, startMs, scenario)),
  // A call of the period with a leg two hours after it: a plain report never reads that leg (it
  // fetches an hour around the period), so neither does this one's summary.
  ...callLegs('late', at(23.9), { kind: 'answered', number: '+447700900999', extension: '101' }),
  ...callLegs(
    'late',
    at(26),
    { kind: 'answered', number: '+447700900999', extension: '104' },
    { segment: 2 },
  ),
];

function request(words: string): ReportRequest {
  const parsed = parseCommand(words, { now: NOW, timeZone: 'Europe/Berlin' });
  if (!parsed.ok) throw parsed.error;
  return parsed.request;
}

describe('ReportService: the unreturned view', () => {
  it('reads on up to now, finds a return after the period, and keeps the summary figures of the period', async () => {
    const source = sourceOf(LEGS);
    const service = new ReportService({ source, serviceLevelSeconds: 20, now: () => NOW });
    const report = reportSchema.parse(await service.runReport(request('unreturned yesterday')));
    expect(source.queries.map((query) => [query.from.toISOString(), query.to.toISOString()])).toEqual([
      ['2026-11-16T22:00:00.000Z', '2026-11-18T10:00:00.000Z'],
    ]);
    expect(report.unreturned).toEqual([
      {
        start: '2026-11-17T11:00:00.000+01:00',
        from: '+15551234567',
        fromName: 'Caller 67',
        to: '101',
        toName: 'Ben Okafor',
        state: 'tried',
        attempts: 1,
        returnedBy: null,
        returnedAt: null,
        returnedAfterSeconds: null,
      },
      {
        start: '2026-11-17T09:00:00.000+01:00',
        from: '+44 20 7946 0123',
        fromName: 'Caller 23',
        to: '102',
        toName: 'Chloé Durand',
        state: 'returned',
        attempts: 1,
        returnedBy: { extension: '102', name: 'Chloé Durand' },
        returnedAt: '2026-11-18T09:30:00.000+01:00',
        returnedAfterSeconds: 24.5 * 3600,
      },
      expect.objectContaining({
        start: '2026-11-17T15:00:00.000+01:00',
        from: 'anonymous',
        state: 'anonymous',
      }),
    ]);
    const summary = await new ReportService({ source: sourceOf(LEGS), serviceLevelSeconds: 20 }).runReport(
      request('yesterday'),
    );
    const { unreturned: _unreturned, ...figures } = report;
    const { previous: _previous, ...summaryFigures } = summary;
    expect(figures).toEqual(summaryFigures);
    expect(figures.totals).toMatchObject({ calls: 6, missed: 3, talkSeconds: 60 + 60 });
  });

  it('counts no return that comes after now', async () => {
    const earlier = new Date(at(24 + 9));
    const service = new ReportService({
      source: sourceOf(LEGS),
      serviceLevelSeconds: 20,
      now: () => earlier,
    });
    const parsed = parseCommand('unreturned yesterday', { now: earlier, timeZone: 'Europe/Berlin' });
    if (!parsed.ok) throw parsed.error;
    const report = await service.runReport(parsed.request);
    expect(report.unreturned?.find((call) => call.from === '+44 20 7946 0123')).toMatchObject({
      state: 'open',
      attempts: 0,
    });
  });

  it('lists the misses the filters and the scope select; a return by someone outside the scope is a colleague', async () => {
    const service = new ReportService({ source: sourceOf(LEGS), serviceLevelSeconds: 20, now: () => NOW });
    const queue = await service.runReport(request('unreturned yesterday queue 800'));
    expect(queue.unreturned?.map((call) => call.from)).toEqual(['+44 20 7946 0123']);
    const scoped = await service.runReport({
      ...request('unreturned yesterday'),
      scope: { extensions: [], queues: ['800'] },
    });
    expect(scoped.unreturned).toEqual([
      expect.objectContaining({
        from: '+44 20 7946 0123',
        state: 'returned',
        returnedBy: { extension: '', name: 'a colleague' },
      }),
    ]);
    expect(scoped.missedCalls.map((call) => call.from)).toEqual(['+44 20 7946 0123']);
  });

  it('masks the callers of the list with PRIVACY_MASK_NUMBERS', async () => {
    const service = new ReportService({
      source: sourceOf(LEGS),
      serviceLevelSeconds: 20,
      maskNumbers: true,
      now: () => NOW,
    });
    const report = await service.runReport(request('unreturned yesterday'));
    expect(report.unreturned?.map((call) => call.from)).toEqual([
      '+1 55•• ••4567',
      '+44 20•• ••0123',
      'anonymous',
    ]);
    expect(JSON.stringify(report.unreturned)).not.toMatch(/\d{7}/);
  });
});
