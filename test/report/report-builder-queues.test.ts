import type { CallLeg } from '../../src/core/call-leg';
import type { QueueStats } from '../../src/core/report';
import { at, buildLeg } from '../helpers/build-leg';
import { reportOf } from './report-fixtures';

/** A queue leg: the caller waits in `queue` from `startSeconds` for `waitSeconds`. */
function queueLeg(
  callKey: string,
  segmentId: number,
  startSeconds: number,
  waitSeconds: number,
  queue = '800',
) {
  return buildLeg({
    callKey,
    segmentId,
    startMs: at(startSeconds),
    destinationDn: queue,
    destinationDisplayName: queue === '800' ? 'Sales' : 'Support',
    direction: 'Inbound Queue',
    legType: 'Queue',
    status: 'Waiting',
    answered: false,
    ringingSeconds: waitSeconds,
    talkingSeconds: 0,
  });
}

/** An agent's leg from the queue: rings `ringSeconds`, then (answered) talks 60 s. */
function agentLeg(
  callKey: string,
  segmentId: number,
  startSeconds: number,
  ringSeconds: number,
  answered: boolean,
) {
  return buildLeg({
    callKey,
    segmentId,
    startMs: at(startSeconds),
    destinationDn: '102',
    status: answered ? 'Answered' : 'Unanswered',
    answered,
    ringingSeconds: ringSeconds,
    talkingSeconds: answered ? 60 : 0,
  });
}

function queueStats(report: { byQueue: QueueStats[] }, queue: string): QueueStats | undefined {
  return report.byQueue.find((row) => row.queue === queue);
}

describe('ReportBuilder: queues as managers read them', () => {
  it('counts a caller who hangs up in the queue as abandoned, one sent on to voicemail as missed only', async () => {
    const legs: CallLeg[] = [
      // Hung up after 30 s in the queue.
      queueLeg('gave-up', 1, 0, 30),
      // 40 s in the queue, then voicemail (a System leg the PBX marks answered) for 25 s.
      queueLeg('voicemail', 1, 600, 40),
      buildLeg({
        callKey: 'voicemail',
        segmentId: 2,
        startMs: at(640),
        destinationDn: '999',
        legType: 'System',
        talkingSeconds: 25,
        ringingSeconds: 0,
      }),
    ];
    const report = await reportOf(legs);
    expect(report.totals).toMatchObject({ inbound: 2, missed: 2 });
    // Held on 30 s and 40 + 25 = 65 s (the voicemail counts as holding on, as for missedCalls).
    expect(queueStats(report, '800')).toEqual({
      queue: '800',
      name: 'Sales',
      calls: 2,
      answered: 0,
      missed: 2,
      avgWaitSeconds: 0,
      abandoned: 1,
      abandonRatePercent: 50,
      longestWaitSeconds: 65,
      serviceLevelPercent: 0,
    });
  });

  it('counts a caller who hangs up while an agent rings as abandoned in the queue (both legs end together)', async () => {
    const report = await reportOf([queueLeg('c', 1, 0, 25), agentLeg('c', 2, 5, 20, false)]);
    expect(queueStats(report, '800')).toMatchObject({ missed: 1, abandoned: 1, longestWaitSeconds: 25 });
  });

  it('counts an overflow from 800 to 801 as abandoned only where the caller gave up', async () => {
    const report = await reportOf([queueLeg('c', 1, 0, 20, '800'), queueLeg('c', 2, 20, 15, '801')]);
    expect(queueStats(report, '800')).toMatchObject({ missed: 1, abandoned: 0, abandonRatePercent: 0 });
    expect(queueStats(report, '801')).toMatchObject({ missed: 1, abandoned: 1, abandonRatePercent: 100 });
    // Both waits run from the call's arrival: 35 s in both queues.
    expect(queueStats(report, '800')?.longestWaitSeconds).toBe(35);
    expect(queueStats(report, '801')?.longestWaitSeconds).toBe(35);
  });

  it('gives the service level and longest wait over its inbound calls, answered or not', async () => {
    const report = await reportOf([
      // Answered after 6 + 4 = 10 s, after exactly 20 s, after 30.5 s.
      queueLeg('a', 1, 0, 10),
      agentLeg('a', 2, 6, 4, true),
      queueLeg('b', 1, 600, 20),
      agentLeg('b', 2, 610, 10, true),
      queueLeg('c', 1, 1200, 30.5),
      agentLeg('c', 2, 1220, 10.5, true),
      // Gave up after 45.4 s.
      queueLeg('d', 1, 1800, 45.4),
      // An internal call to the queue that rang 100 s: not inbound, so neither waiting nor missed.
      buildLeg({
        ...queueLeg('e', 1, 2400, 100),
        direction: 'Internal',
        sourceDn: '101',
        sourceCallerId: '101',
      }),
    ]);
    // 2 of 4 inbound within 20 s: 50 %; 1 of 4 abandoned: 25 %; (10 + 20 + 30.5) / 3 = 20.17 → 20.
    expect(queueStats(report, '800')).toEqual({
      queue: '800',
      name: 'Sales',
      calls: 5,
      answered: 3,
      missed: 1,
      avgWaitSeconds: 20,
      abandoned: 1,
      abandonRatePercent: 25,
      longestWaitSeconds: 45,
      serviceLevelPercent: 50,
    });
  });

  it('gives 0 where there is nothing to measure', async () => {
    const report = await reportOf([
      buildLeg({ direction: 'Internal', sourceDn: '101', destinationDn: '800', legType: 'Queue' }),
    ]);
    expect(queueStats(report, '800')).toMatchObject({
      calls: 1,
      abandoned: 0,
      abandonRatePercent: 0,
      longestWaitSeconds: 0,
      serviceLevelPercent: 0,
    });
  });
});
