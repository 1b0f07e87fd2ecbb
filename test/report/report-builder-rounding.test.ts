import { at, buildLeg } from '../helpers/build-leg';
import { reportOf } from './report-fixtures';

describe('ReportBuilder: rounding and averages', () => {
  it('rounds half up once, from exact sums (10.5 + 10.5 = 21, not 22)', async () => {
    const report = await reportOf([
      buildLeg({ callKey: 'a', startMs: at(0), ringingSeconds: 10.5, talkingSeconds: 10.5 }),
      buildLeg({ callKey: 'b', startMs: at(600), ringingSeconds: 10.5, talkingSeconds: 10.5 }),
    ]);
    expect(report.totals).toMatchObject({
      talkSeconds: 21,
      avgTalkSeconds: 11,
      longestTalkSeconds: 11,
      avgWaitSeconds: 11,
    });
    expect(report.byExtension[0]!.talkSeconds).toBe(21);
  });

  it('rounds 0.5 s to 1 and 0.4999 s to 0', async () => {
    const half = await reportOf([buildLeg({ talkingSeconds: 0.5, ringingSeconds: 0.4999 })]);
    expect(half.totals).toMatchObject({
      talkSeconds: 1,
      avgTalkSeconds: 1,
      longestTalkSeconds: 1,
      avgWaitSeconds: 0,
    });
  });

  it('averages talk over answered calls and wait over answered inbound calls; 0 when there are none', async () => {
    const report = await reportOf([
      buildLeg({ callKey: 'in', ringingSeconds: 8, talkingSeconds: 100 }),
      buildLeg({
        callKey: 'out',
        direction: 'Outbound',
        sourceDn: '101',
        destinationDn: '10000',
        ringingSeconds: 30,
        talkingSeconds: 51,
      }),
      buildLeg({
        callKey: 'missed',
        startMs: at(60),
        status: 'Unanswered',
        answered: false,
        ringingSeconds: 40,
        talkingSeconds: 0,
      }),
    ]);
    expect(report.totals).toMatchObject({
      answered: 2,
      avgTalkSeconds: 76,
      avgWaitSeconds: 8,
      talkSeconds: 151,
    });
    const none = await reportOf([]);
    expect(none.totals).toEqual({
      calls: 0,
      inbound: 0,
      outbound: 0,
      internal: 0,
      answered: 0,
      missed: 0,
      talkSeconds: 0,
      avgTalkSeconds: 0,
      avgWaitSeconds: 0,
      longestTalkSeconds: 0,
      serviceLevelPercent: 0,
    });
  });

  it('computes the service level over all inbound calls, a wait of exactly the threshold counting', async () => {
    const legs = [
      buildLeg({ callKey: 'w10', ringingSeconds: 10 }),
      buildLeg({ callKey: 'w20', ringingSeconds: 20 }),
      buildLeg({ callKey: 'w20.001', ringingSeconds: 20.001 }),
      buildLeg({
        callKey: 'missed',
        status: 'Unanswered',
        answered: false,
        ringingSeconds: 5,
        talkingSeconds: 0,
      }),
      buildLeg({
        callKey: 'outbound',
        direction: 'Outbound',
        sourceDn: '101',
        destinationDn: '10000',
        ringingSeconds: 1,
      }),
    ];
    expect((await reportOf(legs)).totals.serviceLevelPercent).toBe(50);
    expect((await reportOf(legs, { serviceLevelSeconds: 30 })).totals.serviceLevelPercent).toBe(75);
    expect((await reportOf(legs.slice(0, 3))).totals.serviceLevelPercent).toBe(67);
    expect((await reportOf(legs.slice(1, 3))).totals.serviceLevelPercent).toBe(50);
    expect((await reportOf(legs.slice(2, 4))).totals.serviceLevelPercent).toBe(0);
  });
});
