import type { RankingOf, RankingRequest } from '../../src/core/answers';
import type { CallLeg } from '../../src/core/call-leg';
import { ReportBuilder } from '../../src/report/report-builder';
import { at, buildLeg } from '../helpers/build-leg';
import { berlinWeek, directory, reportOf } from './report-fixtures';

/** An inbound call from `caller` at `seconds` after 09:00 Berlin, answered by 101 (60 s talk) unless missed. */
function callFrom(callKey: string, caller: string, name: string, seconds: number, missed = false): CallLeg {
  return buildLeg({
    callKey,
    startMs: at(seconds),
    sourceCallerId: caller,
    sourceDisplayName: name,
    status: missed ? 'Unanswered' : 'Answered',
    answered: !missed,
    talkingSeconds: missed ? 0 : 60,
  });
}

function rankingOf(legs: CallLeg[], of: RankingOf, by: string, size = 10) {
  return reportOf(legs, { ranking: { of, by, size } }).then((report) => report.ranking!);
}

describe('ReportBuilder: rankings', () => {
  const callers = [
    callFrom('a1', '+4420', 'Jane', 0),
    callFrom('a2', '+4420', 'Jane Caller', 3600, true),
    callFrom('a3', '+4420', 'J. Caller', 7200),
    callFrom('b1', '0301', 'Bob', 100),
    callFrom('b2', '0301', 'Bob', 200),
    callFrom('b3', '0301', 'Robert', 10_800, true),
    callFrom('c1', '+1555', 'Cy', 300, true),
    callFrom('anon', '', '', 400, true),
    buildLeg({
      callKey: 'out',
      startMs: at(500),
      direction: 'Outbound',
      sourceDn: '101',
      sourceCallerId: '101',
    }),
  ];

  it('ranks callers by calls, ties by number; name and lastCall from their latest call', async () => {
    expect(await rankingOf(callers, 'callers', 'calls')).toEqual({
      of: 'callers',
      by: 'calls',
      rows: [
        {
          key: '+4420',
          name: 'J. Caller',
          value: 3,
          calls: 3,
          answered: 2,
          missed: 1,
          talkSeconds: 120,
          lastCall: '2026-11-17T11:00:00.000+01:00',
        },
        {
          key: '0301',
          name: 'Robert',
          value: 3,
          calls: 3,
          answered: 2,
          missed: 1,
          talkSeconds: 120,
          lastCall: '2026-11-17T12:00:00.000+01:00',
        },
        {
          key: '+1555',
          name: 'Cy',
          value: 1,
          calls: 1,
          answered: 0,
          missed: 1,
          talkSeconds: 0,
          lastCall: '2026-11-17T09:05:00.000+01:00',
        },
      ],
    });
  });

  it('ranks callers by another measure, leaving out those with none, cut to the size', async () => {
    const talk = await rankingOf(callers, 'callers', 'talk', 1);
    expect(talk.rows.map((row) => [row.key, row.value])).toEqual([['+4420', 120]]);
    const missed = await rankingOf(
      [...callers, callFrom('c2', '+1555', 'Cy', 900, true)],
      'callers',
      'missed',
    );
    expect(missed.rows.map((row) => [row.key, row.value])).toEqual([
      ['+1555', 2],
      ['+4420', 1],
      ['0301', 1],
    ]);
  });

  it('ranks extensions by missed as not picked up, with their own figures', async () => {
    // Two calls ring 102 first and are answered by 101: 102 missed none of the callers, picked up neither.
    const legs = ['x', 'y'].flatMap((callKey, index) => [
      buildLeg({
        callKey,
        segmentId: 1,
        startMs: at(index * 600),
        destinationDn: '102',
        status: 'Unanswered',
        answered: false,
        ringingSeconds: 10,
        talkingSeconds: 0,
      }),
      buildLeg({ callKey, segmentId: 2, startMs: at(index * 600 + 10), ringingSeconds: 2 }),
    ]);
    const ranking = await rankingOf(legs, 'extensions', 'missed');
    expect(ranking.rows).toEqual([
      {
        key: '102',
        name: 'Chloé Durand',
        value: 2,
        offered: 2,
        answered: 0,
        notPickedUp: 2,
        missed: 0,
        outbound: 0,
        talkSeconds: 0,
        avgTalkSeconds: 0,
        avgRingSeconds: 0,
      },
    ]);
    const answered = await rankingOf(legs, 'extensions', 'answered');
    expect(answered.rows.map((row) => [row.key, row.value, row.avgRingSeconds])).toEqual([['101', 2, 2]]);
  });

  it('ranks only the extensions and queues in the access scope', async () => {
    const legs = [
      buildLeg({ callKey: 'p', destinationDn: '800', legType: 'Queue', answered: false, status: 'Waiting' }),
      buildLeg({ callKey: 'p', segmentId: 2, startMs: at(1) }),
      buildLeg({ callKey: 'q', startMs: at(600), destinationDn: '102' }),
    ];
    const scope = { extensions: ['101'], queues: ['800'] };
    const extensions = await reportOf(legs, { scope, ranking: { of: 'extensions', by: 'calls', size: 10 } });
    expect(extensions.ranking?.rows.map((row) => row.key)).toEqual(['101']);
    const queues = await reportOf(legs, {
      visibleQueues: new Set(['801']),
      ranking: { of: 'queues', by: 'calls', size: 10 },
    });
    expect(queues.ranking?.rows).toEqual([]);
  });

  it('ranks queues by abandoned and by average wait, with their byQueue figures', async () => {
    const queueLeg = (callKey: string, queue: string, seconds: number, wait: number) =>
      buildLeg({
        callKey,
        startMs: at(seconds),
        destinationDn: queue,
        legType: 'Queue',
        status: 'Waiting',
        answered: false,
        ringingSeconds: wait,
        talkingSeconds: 0,
      });
    const legs = [
      queueLeg('s1', '800', 0, 40),
      queueLeg('s2', '800', 600, 20),
      queueLeg('t1', '801', 1200, 15),
      buildLeg({ callKey: 't1', segmentId: 2, startMs: at(1200), destinationDn: '103', ringingSeconds: 9 }),
    ];
    const abandoned = await rankingOf(legs, 'queues', 'abandoned');
    expect(abandoned.rows).toEqual([
      {
        key: '800',
        name: 'Sales',
        value: 2,
        calls: 2,
        answered: 0,
        missed: 2,
        avgWaitSeconds: 0,
        abandoned: 2,
        abandonRatePercent: 100,
        longestWaitSeconds: 40,
        serviceLevelPercent: 0,
      },
    ]);
    const wait = await rankingOf(legs, 'queues', 'wait');
    expect(wait.rows.map((row) => [row.key, row.value])).toEqual([['801', 9]]);
  });

  it('ranks the busiest hours and days in the report’s zone, leaving out those without calls', async () => {
    const legs = [
      callFrom('a', '1', 'A', 0), // Tue 17 Nov 09:00
      callFrom('b', '2', 'B', 60), // 09:01
      callFrom('c', '3', 'C', 3600), // 10:00
      callFrom('d', '4', 'D', -36_000), // Mon 16 Nov 23:00
      callFrom('e', '5', 'E', 50_400), // Tue 23:00
      callFrom('f', '6', 'F', 54_000), // Wed 18 Nov 00:00
    ];
    const hours = await rankingOf(legs, 'hours', 'calls');
    expect(hours).toEqual({
      of: 'hours',
      by: 'calls',
      rows: [
        { key: '9', name: '', value: 2 },
        { key: '23', name: '', value: 2 },
        { key: '0', name: '', value: 1 },
        { key: '10', name: '', value: 1 },
      ],
    });
    const days = await rankingOf(legs, 'days', 'calls', 2);
    expect(days.rows).toEqual([
      { key: '2026-11-17', name: '', value: 4 },
      { key: '2026-11-16', name: '', value: 1 },
    ]);
  });

  it('keeps only the longest calls while counting, each as the list shows it', async () => {
    const legs = [
      callFrom('a', '+4420', 'Jane', 0),
      { ...callFrom('b', '+4421', 'Joe', 600), talkingSeconds: 299.5 },
      { ...callFrom('c', '+4422', 'Jim', 1200), talkingSeconds: 300.4 },
      { ...callFrom('d', '+4423', 'Jo', 1800), talkingSeconds: 10 },
      callFrom('e', '+4424', 'Jen', 2400, true),
    ];
    const ranking = await rankingOf(legs, 'calls', 'talk', 3);
    expect(ranking).toEqual({
      of: 'calls',
      by: 'talk',
      rows: [
        // 299.5 and 300.4 s both round to 300: the earlier call first.
        {
          key: '2026-11-17T09:10:00.000+01:00',
          name: 'Joe',
          value: 300,
          direction: 'inbound',
          from: '+4421',
          fromName: 'Joe',
          to: '101',
          toName: 'Ben Okafor',
          answered: true,
          talkSeconds: 300,
          waitSeconds: 5,
        },
        expect.objectContaining({ key: '2026-11-17T09:20:00.000+01:00', name: 'Jim', value: 300 }),
        expect.objectContaining({ key: '2026-11-17T09:00:00.000+01:00', name: 'Jane', value: 60 }),
      ],
    });
  });

  it('ranks the same whatever order the calls finish in', async () => {
    const legs = Array.from({ length: 40 }, (_, index) => ({
      ...callFrom(`k${String(index).padStart(2, '0')}`, `+44${index % 7}`, `N${index}`, index * 60),
      talkingSeconds: (index * 37) % 11,
    }));
    const request: RankingRequest = { of: 'calls', by: 'talk', size: 5 };
    const forwards = await reportOf(legs, { ranking: request });
    const backwards = await reportOf([...legs].reverse(), { ranking: request });
    expect(backwards.ranking).toEqual(forwards.ranking);
    expect(forwards.ranking?.rows.map((row) => row.value)).toEqual([10, 10, 10, 9, 9]);
  });

  it('refuses a measure that the ranking does not have', () => {
    expect(
      () =>
        new ReportBuilder({
          window: berlinWeek,
          filters: { extensions: [], queues: [], numbers: [], directions: [], status: null },
          directory,
          serviceLevelSeconds: 20,
          includeCalls: false,
          ranking: { of: 'hours', by: 'talk', size: 10 },
        }),
    ).toThrow(RangeError);
  });
});
