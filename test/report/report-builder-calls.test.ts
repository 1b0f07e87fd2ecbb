import { at, buildLeg } from '../helpers/build-leg';
import { ivrQueueAgentCall, ivrQueueMissedCall } from './call-scenarios';
import { reportOf } from './report-fixtures';

describe('ReportBuilder: what a call counts', () => {
  it('counts an IVR → queue → agent call as one answered inbound call; wait excludes IVR time', async () => {
    const report = await reportOf(ivrQueueAgentCall());
    expect(report.totals).toEqual({
      calls: 1,
      inbound: 1,
      outbound: 0,
      internal: 0,
      answered: 1,
      missed: 0,
      talkSeconds: 193,
      avgTalkSeconds: 193,
      avgWaitSeconds: 24,
      longestTalkSeconds: 193,
      serviceLevelPercent: 0,
    });
    expect(report.byExtension).toEqual([
      {
        extension: '101',
        name: 'Ben Okafor',
        calls: 1,
        answered: 1,
        missed: 0,
        outbound: 0,
        talkSeconds: 193,
      },
      {
        extension: '102',
        name: 'Chloé Durand',
        calls: 1,
        answered: 0,
        missed: 0,
        outbound: 0,
        talkSeconds: 0,
      },
    ]);
    // Waited 24.2 s: over the 20 s service level.
    expect(report.byQueue).toEqual([
      {
        queue: '800',
        name: 'Sales',
        calls: 1,
        answered: 1,
        missed: 0,
        avgWaitSeconds: 24,
        abandoned: 0,
        abandonRatePercent: 0,
        longestWaitSeconds: 24,
        serviceLevelPercent: 0,
      },
    ]);
    expect(report.byHour[9]).toBe(1);
    expect(report.missedCalls).toEqual([]);
  });

  it('never lets an IVR or queue leg marked answered make the call answered', async () => {
    const report = await reportOf(ivrQueueMissedCall());
    expect(report.totals).toMatchObject({ calls: 1, inbound: 1, answered: 0, missed: 1, talkSeconds: 0 });
    expect(report.totals.avgWaitSeconds).toBe(0);
    // Held on from the queue leg's start (08:02:21.221) to its end 41.5 s later; 41.5 rounds up.
    expect(report.missedCalls).toEqual([
      {
        start: '2026-11-17T09:02:11.412+01:00',
        from: '+442071234567',
        fromName: 'Jane Caller',
        to: '101',
        toName: 'Ben Okafor',
        waitSeconds: 42,
      },
    ]);
    expect(report.byExtension).toEqual([
      { extension: '101', name: 'Ben Okafor', calls: 1, answered: 0, missed: 1, outbound: 0, talkSeconds: 0 },
      {
        extension: '102',
        name: 'Chloé Durand',
        calls: 1,
        answered: 0,
        missed: 1,
        outbound: 0,
        talkSeconds: 0,
      },
    ]);
    // The queue leg (ends 08:03:02.721) outlasts 101's ringing (ends 08:02:45.421): abandoned there.
    expect(report.byQueue).toEqual([
      {
        queue: '800',
        name: 'Sales',
        calls: 1,
        answered: 0,
        missed: 1,
        avgWaitSeconds: 0,
        abandoned: 1,
        abandonRatePercent: 100,
        longestWaitSeconds: 42,
        serviceLevelPercent: 0,
      },
    ]);
  });

  it('counts a call answered on its second agent leg: wait runs from the first ring', async () => {
    const report = await reportOf([
      buildLeg({
        segmentId: 1,
        startMs: at(0),
        status: 'Unanswered',
        answered: false,
        ringingSeconds: 15,
        talkingSeconds: 0,
      }),
      buildLeg({
        segmentId: 2,
        startMs: at(15),
        destinationDn: '102',
        ringingSeconds: 4,
        talkingSeconds: 100,
      }),
    ]);
    expect(report.totals).toMatchObject({
      answered: 1,
      missed: 0,
      avgWaitSeconds: 19,
      serviceLevelPercent: 100,
    });
    expect(report.byExtension.map((row) => [row.extension, row.answered, row.talkSeconds])).toEqual([
      ['101', 0, 0],
      ['102', 1, 100],
    ]);
  });

  it('splits the talk of a transferred call between both extensions and rounds the total once', async () => {
    const report = await reportOf([
      buildLeg({ segmentId: 1, startMs: at(0), ringingSeconds: 4, talkingSeconds: 30.25 }),
      buildLeg({
        segmentId: 2,
        startMs: at(34.25),
        destinationDn: '102',
        ringingSeconds: 2,
        talkingSeconds: 45.25,
      }),
    ]);
    expect(report.totals).toMatchObject({ calls: 1, answered: 1, talkSeconds: 76, longestTalkSeconds: 76 });
    expect(report.byExtension).toEqual([
      {
        extension: '101',
        name: 'Ben Okafor',
        calls: 1,
        answered: 1,
        missed: 0,
        outbound: 0,
        talkSeconds: 30,
      },
      {
        extension: '102',
        name: 'Chloé Durand',
        calls: 1,
        answered: 1,
        missed: 0,
        outbound: 0,
        talkSeconds: 45,
      },
    ]);
  });

  it('credits a consult transfer leg (101 → 102) to both its source and its destination', async () => {
    const report = await reportOf([
      buildLeg({ segmentId: 1, startMs: at(0), talkingSeconds: 20 }),
      buildLeg({ segmentId: 2, startMs: at(25), sourceDn: '101', destinationDn: '102', talkingSeconds: 10 }),
    ]);
    expect(report.totals.talkSeconds).toBe(30);
    expect(report.byExtension.map((row) => [row.extension, row.talkSeconds, row.answered])).toEqual([
      ['101', 30, 1],
      ['102', 10, 1],
    ]);
  });

  it('counts a call abandoned in the queue as missed for the queue, with the time held', async () => {
    const report = await reportOf([
      buildLeg({
        destinationDn: '800',
        destinationDisplayName: 'Sales',
        direction: 'Inbound Queue',
        legType: 'Queue',
        status: 'Waiting',
        answered: false,
        ringingSeconds: 33.4,
        talkingSeconds: 0,
      }),
    ]);
    expect(report.totals).toMatchObject({ calls: 1, inbound: 1, answered: 0, missed: 1 });
    expect(report.byExtension).toEqual([]);
    expect(report.byQueue).toEqual([
      {
        queue: '800',
        name: 'Sales',
        calls: 1,
        answered: 0,
        missed: 1,
        avgWaitSeconds: 0,
        abandoned: 1,
        abandonRatePercent: 100,
        longestWaitSeconds: 33,
        serviceLevelPercent: 0,
      },
    ]);
    expect(report.missedCalls[0]).toMatchObject({ to: '800', toName: 'Sales', waitSeconds: 33 });
  });

  it('does not count an unanswered outbound call as missed', async () => {
    const report = await reportOf([
      buildLeg({
        direction: 'Outbound',
        sourceDn: '101',
        sourceCallerId: '101',
        sourceDisplayName: 'Ben Okafor',
        destinationDn: '10000',
        destinationCallerId: '+15551234567',
        destinationDisplayName: '',
        status: 'Unanswered',
        answered: false,
        ringingSeconds: 25,
        talkingSeconds: 0,
      }),
    ]);
    expect(report.totals).toMatchObject({ calls: 1, inbound: 0, outbound: 1, answered: 0, missed: 0 });
    expect(report.totals.serviceLevelPercent).toBe(0);
    expect(report.missedCalls).toEqual([]);
    expect(report.byExtension).toEqual([
      { extension: '101', name: 'Ben Okafor', calls: 1, answered: 0, missed: 0, outbound: 1, talkSeconds: 0 },
    ]);
  });

  it('counts an internal call for both extensions, with its talk once in the totals', async () => {
    const report = await reportOf([
      buildLeg({
        direction: 'Internal',
        sourceDn: '101',
        sourceCallerId: '101',
        destinationDn: '102',
        talkingSeconds: 12,
      }),
    ]);
    expect(report.totals).toMatchObject({ calls: 1, internal: 1, answered: 1, missed: 0, talkSeconds: 12 });
    expect(report.totals.avgWaitSeconds).toBe(0);
    expect(
      report.byExtension.map((row) => [
        row.extension,
        row.calls,
        row.answered,
        row.outbound,
        row.talkSeconds,
      ]),
    ).toEqual([
      ['101', 1, 0, 0, 12],
      ['102', 1, 1, 0, 12],
    ]);
  });

  it('takes the direction from the first leg only', async () => {
    const report = await reportOf([
      buildLeg({
        segmentId: 2,
        startMs: at(30),
        direction: 'Internal',
        sourceDn: '101',
        destinationDn: '102',
      }),
      buildLeg({
        segmentId: 1,
        startMs: at(0),
        direction: 'Inbound Queue',
        destinationDn: '800',
        legType: 'Queue',
      }),
    ]);
    expect(report.totals).toMatchObject({ inbound: 1, internal: 0 });
  });

  it.each([
    ['a User to a User', 'internal', '101', '102'],
    ['a User to a Queue', 'internal', '101', '800'],
    ['a Queue to a User', 'internal', '800', '101'],
    ['a User to the trunk', 'outbound', '101', '10000'],
    ['a User to an unlisted DN (the IVR)', 'outbound', '101', '8000'],
    ['a Queue to the trunk', 'inbound', '800', '10000'],
    ['the trunk to a User', 'inbound', '10000', '101'],
    ['a leg without DNs', 'inbound', undefined, undefined],
  ])(
    'without Direction, reads the first leg’s DNs: %s is %s',
    async (_label, expected, sourceDn, destinationDn) => {
      const report = await reportOf([
        buildLeg({ segmentId: 1, direction: undefined, sourceDn, destinationDn }),
        buildLeg({
          segmentId: 2,
          startMs: at(90),
          direction: undefined,
          sourceDn: '10000',
          destinationDn: '103',
        }),
      ]);
      expect(report.totals).toMatchObject({ calls: 1, [expected]: 1 });
      expect(report.totals.inbound + report.totals.outbound + report.totals.internal).toBe(1);
    },
  );

  it('treats an unknown Direction value like a missing one, and reads the known ones in any case', async () => {
    const report = await reportOf([
      buildLeg({ callKey: 'x', direction: 'Sideways', sourceDn: '101', destinationDn: '102' }),
      buildLeg({ callKey: 'y', direction: 'OUTBOUND', sourceDn: '10000', destinationDn: '101' }),
      buildLeg({ callKey: 'z', direction: ' inbound queue ', sourceDn: '101', destinationDn: '102' }),
    ]);
    expect(report.totals).toMatchObject({ calls: 3, inbound: 1, outbound: 1, internal: 1 });
  });

  it('counts Answered:true or Status "Answered" on a person leg, and legs without CallType as person legs', async () => {
    const report = await reportOf([
      buildLeg({ callKey: 'flag', status: 'Unanswered', answered: true }),
      buildLeg({ callKey: 'status', status: 'Answered', answered: false }),
      buildLeg({
        callKey: 'untyped',
        legType: undefined,
        status: undefined,
        answered: true,
        talkingSeconds: 7,
      }),
      buildLeg({ callKey: 'system', legType: 'System', status: 'Answered', answered: true }),
    ]);
    expect(report.totals).toMatchObject({ calls: 4, answered: 3, missed: 1, talkSeconds: 127 });
  });
});
