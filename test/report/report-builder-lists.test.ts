import { at, buildLeg } from '../helpers/build-leg';
import { ivrQueueAgentCall, ivrQueueMissedCall } from './call-scenarios';
import { reportOf } from './report-fixtures';

const outboundLeg = buildLeg({
  callKey: 'out',
  startMs: at(600),
  direction: 'Outbound',
  sourceDn: '102',
  sourceCallerId: '102',
  sourceDisplayName: 'Chloé Durand',
  destinationDn: '10000',
  destinationCallerId: '+15551234567',
  destinationDisplayName: 'Acme Ltd',
  ringingSeconds: 7,
  talkingSeconds: 33.5,
});

const internalLeg = buildLeg({
  callKey: 'int',
  startMs: at(900),
  direction: 'Internal',
  sourceDn: '101',
  sourceCallerId: '101',
  sourceDisplayName: 'Ben Okafor',
  destinationDn: '103',
  destinationCallerId: '103',
  destinationDisplayName: 'Dana',
  status: 'Unanswered',
  answered: false,
  ringingSeconds: 12.5,
  talkingSeconds: 0,
});

describe('ReportBuilder: missed calls and the list view', () => {
  it('lists missed calls newest first, ties by call key, with "" for missing texts', async () => {
    const report = await reportOf([
      ...ivrQueueMissedCall('6f1c0000-0000-4000-8000-0000000000b2', 0),
      ...ivrQueueMissedCall('6f1c0000-0000-4000-8000-0000000000b1', 0).map((leg) => ({
        ...leg,
        sourceCallerId: '+111',
      })),
      buildLeg({
        callKey: 'bare',
        startMs: at(3600),
        sourceCallerId: undefined,
        sourceDisplayName: undefined,
        destinationDn: undefined,
        destinationDisplayName: undefined,
        status: 'Unanswered',
        answered: false,
        ringingSeconds: 3,
        talkingSeconds: 0,
      }),
      ...ivrQueueAgentCall('answered', 60),
    ]);
    expect(report.totals).toMatchObject({ calls: 4, missed: 3 });
    expect(report.missedCalls).toEqual([
      { start: '2026-11-17T10:00:00.000+01:00', from: '', fromName: '', to: '', toName: '', waitSeconds: 3 },
      {
        start: '2026-11-17T09:02:11.412+01:00',
        from: '+111',
        fromName: 'Jane Caller',
        to: '101',
        toName: 'Ben Okafor',
        waitSeconds: 42,
      },
      {
        start: '2026-11-17T09:02:11.412+01:00',
        from: '+442071234567',
        fromName: 'Jane Caller',
        to: '101',
        toName: 'Ben Okafor',
        waitSeconds: 42,
      },
    ]);
    expect(report).not.toHaveProperty('calls');
  });

  it('takes `from` from the first leg and `to` from the last leg, whatever order they arrive in', async () => {
    const legs = [
      buildLeg({
        callKey: 'm',
        segmentId: 2,
        startMs: at(20),
        sourceCallerId: 'later',
        destinationDn: '102',
        destinationDisplayName: 'Chloé Durand',
        status: 'Unanswered',
        answered: false,
        ringingSeconds: 10,
        talkingSeconds: 0,
      }),
      buildLeg({
        callKey: 'm',
        segmentId: 1,
        startMs: at(0),
        destinationDn: '800',
        destinationDisplayName: 'Sales',
        legType: 'Queue',
        status: 'Waiting',
        answered: false,
        ringingSeconds: 35,
        talkingSeconds: 0,
      }),
    ];
    const report = await reportOf(legs);
    expect(report.missedCalls).toEqual([
      {
        start: '2026-11-17T09:00:00.000+01:00',
        from: '+442071234567',
        fromName: 'Jane Caller',
        to: '102',
        toName: 'Chloé Durand',
        waitSeconds: 35,
      },
    ]);
  });

  it('lists every matching call newest first in the list view', async () => {
    const report = await reportOf(
      [...ivrQueueAgentCall('in', 0), outboundLeg, internalLeg, ...ivrQueueMissedCall('miss', 1200)],
      {
        includeCalls: true,
      },
    );
    expect(report.calls).toEqual([
      {
        start: '2026-11-17T09:22:11.412+01:00',
        direction: 'inbound',
        from: '+442071234567',
        fromName: 'Jane Caller',
        to: '101',
        toName: 'Ben Okafor',
        answered: false,
        talkSeconds: 0,
        waitSeconds: 42,
      },
      {
        start: '2026-11-17T09:15:00.000+01:00',
        direction: 'internal',
        from: '101',
        fromName: 'Ben Okafor',
        to: '103',
        toName: 'Dana',
        answered: false,
        talkSeconds: 0,
        waitSeconds: 13,
      },
      {
        start: '2026-11-17T09:10:00.000+01:00',
        direction: 'outbound',
        from: '102',
        fromName: 'Chloé Durand',
        to: '+15551234567',
        toName: 'Acme Ltd',
        answered: true,
        talkSeconds: 34,
        waitSeconds: 7,
      },
      {
        start: '2026-11-17T09:02:11.412+01:00',
        direction: 'inbound',
        from: '+442071234567',
        fromName: 'Jane Caller',
        to: '101',
        toName: 'Ben Okafor',
        answered: true,
        talkSeconds: 193,
        waitSeconds: 24,
      },
    ]);
    expect(report.missedCalls).toHaveLength(1);
  });

  it('sorts byExtension and byQueue by calls, then by number as a person reads it', async () => {
    const report = await reportOf([
      buildLeg({ callKey: 'a', destinationDn: '103' }),
      buildLeg({ callKey: 'b', destinationDn: '99' }),
      buildLeg({ callKey: 'c', destinationDn: '101' }),
      buildLeg({ callKey: 'd', destinationDn: '102' }),
      buildLeg({ callKey: 'e', destinationDn: '102' }),
      buildLeg({ callKey: 'f', destinationDn: '801', legType: 'Queue', answered: false, status: 'Waiting' }),
      buildLeg({ callKey: 'g', destinationDn: '800', legType: 'Queue', answered: false, status: 'Waiting' }),
    ]);
    expect(report.byExtension.map((row) => `${row.extension}:${row.calls}`)).toEqual([
      '102:2',
      '99:1',
      '101:1',
      '103:1',
    ]);
    expect(report.byExtension.find((row) => row.extension === '99')!.name).toBe('Zed Young');
    expect(report.byExtension.find((row) => row.extension === '103')!.name).toBe('Dana');
    expect(report.byQueue.map((row) => `${row.queue}:${row.name}`)).toEqual(['800:Sales', '801:Support']);
  });

  it('averages a queue’s wait over its answered inbound calls', async () => {
    const report = await reportOf([
      ...ivrQueueAgentCall('q1', 0),
      buildLeg({
        callKey: 'q2',
        segmentId: 1,
        startMs: at(4000),
        destinationDn: '800',
        legType: 'Queue',
        answered: false,
        status: 'Waiting',
        ringingSeconds: 8,
      }),
      buildLeg({
        callKey: 'q2',
        segmentId: 2,
        startMs: at(4003.5),
        destinationDn: '102',
        ringingSeconds: 4.5,
      }),
      ...ivrQueueMissedCall('q3', 8000),
    ]);
    // Waits 24.2 s and 8 s: (24.2 + 8) / 2 = 16.1 → 16. The missed call held on 41.5 s (→ 42) and
    // ended in the queue: 1 of 3 abandoned (33 %); only the 8 s wait is within 20 s (33 %).
    expect(report.byQueue).toEqual([
      {
        queue: '800',
        name: 'Sales',
        calls: 3,
        answered: 2,
        missed: 1,
        avgWaitSeconds: 16,
        abandoned: 1,
        abandonRatePercent: 33,
        longestWaitSeconds: 42,
        serviceLevelPercent: 33,
      },
    ]);
    expect(report.totals.avgWaitSeconds).toBe(16);
  });

  it('prints its keys in the spec’s order', async () => {
    const report = await reportOf([], { includeCalls: true });
    expect(Object.keys(report)).toEqual([
      'window',
      'filters',
      'totals',
      'byExtension',
      'byQueue',
      'byHour',
      'missedCalls',
      'calls',
    ]);
    expect(Object.keys(report.totals)).toEqual([
      'calls',
      'inbound',
      'outbound',
      'internal',
      'answered',
      'missed',
      'talkSeconds',
      'avgTalkSeconds',
      'avgWaitSeconds',
      'longestTalkSeconds',
      'serviceLevelPercent',
    ]);
  });
});
