import type { ExtensionFocus } from '../../src/core/answers';
import { at, buildLeg } from '../helpers/build-leg';
import { ivrQueueAgentCall } from './call-scenarios';
import { reportOf } from './report-fixtures';

/** Zeros for `extension`, with `figures` over them. */
function focusOf(extension: string, name: string, figures: Partial<ExtensionFocus> = {}): ExtensionFocus {
  return {
    extension,
    name,
    offered: 0,
    answered: 0,
    notPickedUp: 0,
    missed: 0,
    outbound: 0,
    talkSeconds: 0,
    avgTalkSeconds: 0,
    avgRingSeconds: 0,
    ...figures,
  };
}

/** A missed call: the queue rings 101 twice (two legs), nobody answers. */
function missedTwiceAt101(callKey: string, offsetSeconds: number) {
  const leg = { callKey, status: 'Unanswered', answered: false, talkingSeconds: 0 };
  return [
    buildLeg({
      ...leg,
      segmentId: 1,
      startMs: at(offsetSeconds),
      destinationDn: '800',
      legType: 'Queue',
      ringingSeconds: 50,
    }),
    buildLeg({ ...leg, segmentId: 2, startMs: at(offsetSeconds + 1), ringingSeconds: 20 }),
    buildLeg({ ...leg, segmentId: 3, startMs: at(offsetSeconds + 25), ringingSeconds: 20 }),
  ];
}

describe('ReportBuilder: an extension’s own figures (focus)', () => {
  it('counts a call offered to 101 via queue 800 but answered by 102 as not picked up by 101, not missed', async () => {
    // 800 rings 102 (18 s, unanswered), then 101 answers after 6.2 s and talks 192.577 s.
    const legs = ivrQueueAgentCall().map((leg) =>
      leg.destinationDn === '102'
        ? { ...leg, destinationDn: '101', destinationDisplayName: 'Ben Okafor' }
        : leg.destinationDn === '101'
          ? { ...leg, destinationDn: '102', destinationDisplayName: 'Chloé Durand' }
          : leg,
    );
    const report = await reportOf(legs, { focusExtensions: ['101', '102'] });
    expect(report.focus).toEqual([
      focusOf('101', 'Ben Okafor', { offered: 1, notPickedUp: 1 }),
      focusOf('102', 'Chloé Durand', {
        offered: 1,
        answered: 1,
        talkSeconds: 193,
        avgTalkSeconds: 193,
        avgRingSeconds: 6,
      }),
    ]);
    // The call-level figures of byExtension are another matter: 101 was involved in 1 answered call.
    expect(report.byExtension.find((row) => row.extension === '101')).toMatchObject({
      calls: 1,
      answered: 0,
    });
  });

  it('counts a call once however often it rang the extension; missed only when nobody answered', async () => {
    const report = await reportOf([...missedTwiceAt101('m1', 0), ...missedTwiceAt101('m2', 600)], {
      focusExtensions: ['101'],
    });
    expect(report.focus).toEqual([focusOf('101', 'Ben Okafor', { offered: 2, notPickedUp: 2, missed: 2 })]);
  });

  it('averages ringing over answered legs (not calls) and talk over the calls in which it talked', async () => {
    const report = await reportOf(
      [
        // Call a: 101 answers after 4 s, talks 30 s; the caller comes back to 101 (7 s ringing), 50 s more.
        buildLeg({ callKey: 'a', segmentId: 1, startMs: at(0), ringingSeconds: 4, talkingSeconds: 30 }),
        buildLeg({ callKey: 'a', segmentId: 2, startMs: at(40), ringingSeconds: 7, talkingSeconds: 50 }),
        // Call b: 101 answers after 3 s, talks 21 s.
        buildLeg({ callKey: 'b', segmentId: 1, startMs: at(600), ringingSeconds: 3, talkingSeconds: 21 }),
        // Call c: 101 rings 9 s, 102 answers: offered to 101, no talk of 101's.
        buildLeg({
          callKey: 'c',
          segmentId: 1,
          startMs: at(1200),
          status: 'Unanswered',
          answered: false,
          ringingSeconds: 9,
          talkingSeconds: 0,
        }),
        buildLeg({ callKey: 'c', segmentId: 2, startMs: at(1209), destinationDn: '102', talkingSeconds: 10 }),
      ],
      { focusExtensions: ['101'] },
    );
    // Ringing (4 + 7 + 3) / 3 legs = 4.67 → 5 (per call it would be (11 + 3) / 2 = 7);
    // talk 30 + 50 + 21 = 101 s over the 2 calls it talked in → 50.5 → 51 (not over its 3 calls).
    expect(report.focus).toEqual([
      focusOf('101', 'Ben Okafor', {
        offered: 3,
        answered: 2,
        notPickedUp: 1,
        talkSeconds: 101,
        avgTalkSeconds: 51,
        avgRingSeconds: 5,
      }),
    ]);
  });

  it('counts outbound calls from it, internal calls to it, and the talk of legs from it', async () => {
    const report = await reportOf(
      [
        buildLeg({
          callKey: 'out',
          direction: 'Outbound',
          sourceDn: '101',
          destinationDn: '10000',
          destinationCallerId: '+15551234567',
          talkingSeconds: 40,
        }),
        buildLeg({
          callKey: 'int',
          startMs: at(300),
          direction: 'Internal',
          sourceDn: '102',
          destinationDn: '101',
          ringingSeconds: 2,
          talkingSeconds: 20,
        }),
      ],
      { focusExtensions: ['101', '102'] },
    );
    expect(report.focus).toEqual([
      focusOf('101', 'Ben Okafor', {
        offered: 1,
        answered: 1,
        outbound: 1,
        talkSeconds: 60,
        avgTalkSeconds: 30,
        avgRingSeconds: 2,
      }),
      focusOf('102', 'Chloé Durand', { talkSeconds: 20, avgTalkSeconds: 20 }),
    ]);
  });

  it('lists the named extensions in the order named, with zeros for one without calls or unknown', async () => {
    const report = await reportOf([buildLeg()], { focusExtensions: ['555', '103', '101'] });
    expect(report.focus?.map((entry) => [entry.extension, entry.name, entry.offered])).toEqual([
      ['555', '', 0],
      ['103', 'Dana', 0],
      ['101', 'Ben Okafor', 1],
    ]);
  });

  it('counts an extension outside the directory like any other', async () => {
    const report = await reportOf([buildLeg({ destinationDn: '555', talkingSeconds: 12 })], {
      focusExtensions: ['555'],
    });
    expect(report.focus).toEqual([
      focusOf('555', '', { offered: 1, answered: 1, talkSeconds: 12, avgTalkSeconds: 12, avgRingSeconds: 5 }),
    ]);
    expect(report.byExtension).toEqual([]);
  });

  it('is absent unless extensions are named, and keeps to the access scope', async () => {
    expect(await reportOf([buildLeg()])).not.toHaveProperty('focus');
    expect(await reportOf([buildLeg()], { focusExtensions: [] })).not.toHaveProperty('focus');
    const scoped = await reportOf([buildLeg()], {
      focusExtensions: ['102', '101'],
      scope: { extensions: ['101'], queues: [] },
    });
    expect(scoped.focus?.map((entry) => entry.extension)).toEqual(['101']);
    const visible = await reportOf([buildLeg()], {
      focusExtensions: ['102', '101'],
      visibleExtensions: new Set(['102']),
    });
    expect(visible.focus?.map((entry) => entry.extension)).toEqual(['102']);
  });

  it('counts only the calls the filters keep', async () => {
    const report = await reportOf(
      [
        buildLeg({ callKey: 'in' }),
        buildLeg({
          callKey: 'out',
          startMs: at(300),
          direction: 'Outbound',
          sourceDn: '101',
          destinationDn: '10000',
        }),
      ],
      { focusExtensions: ['101'], filters: { directions: ['outbound'] } },
    );
    expect(report.focus?.[0]).toMatchObject({ offered: 0, outbound: 1, talkSeconds: 60 });
  });
});
