import { parseDurationSeconds, parseInstantMs, readStartMs, toCallLeg } from '../../src/threecx/call-log-row';

describe('parseDurationSeconds', () => {
  it.each([
    ['PT0S', 0],
    ['PT9.81S', 9.81],
    ['PT1M12.577027S', 72.577027],
    ['PT1H2M3.5S', 3723.5],
    ['PT2H', 7200],
    ['P1DT1S', 86401],
    ['P1D', 86400],
    ['P1W', 604800],
    ['pt1m', 60],
    ['PT0,5S', 0.5],
    ['00:00:00', 0],
    ['00:01:12.5770270', 72.577027],
    ['1:02:03', 3723],
    ['0:00:0', 0],
    ['1.02:03:04', 93784],
    [' 00:00:18 ', 18],
  ])('%s is %d s', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBeCloseTo(seconds, 9);
  });

  it.each([
    '',
    'P',
    'PT',
    'PT5',
    'PTS',
    'P1Y',
    'P1M',
    'PT1H1D',
    'PT1S1',
    'PT1.S',
    'P1DTT1S',
    '-PT5S',
    '12:30',
    '1:2:3:4',
    'aa:bb:cc',
    '-0:00:05',
    '0:00:05.',
    '0:00:05x',
    'x.0:00:05',
    'later',
  ])('%j is not a duration', (text) => {
    expect(parseDurationSeconds(text)).toBeUndefined();
  });

  it('reads a long hostile input quickly and rejects it', () => {
    expect(parseDurationSeconds(`PT${'9'.repeat(50_000)}X`)).toBeUndefined();
    expect(parseDurationSeconds(`${'1'.repeat(50_000)}:`)).toBeUndefined();
  });
});

describe('parseInstantMs', () => {
  it("reads 3CX's seven fraction digits with an offset, and a zone-less time as UTC", () => {
    expect(parseInstantMs('2026-11-17T08:02:11.4125530+00:00')).toBe(Date.UTC(2026, 10, 17, 8, 2, 11, 412));
    expect(parseInstantMs('2026-11-17T09:02:11.4125530+01:00')).toBe(Date.UTC(2026, 10, 17, 8, 2, 11, 412));
    expect(parseInstantMs('2026-11-17T08:02:11Z')).toBe(Date.UTC(2026, 10, 17, 8, 2, 11));
    expect(parseInstantMs('2026-11-17T08:02:11')).toBe(Date.UTC(2026, 10, 17, 8, 2, 11));
    expect(parseInstantMs('yesterday')).toBeNaN();
  });
});

const answeredLeg = {
  MainCallHistoryId: '6f1c0000-0000-0000-0000-000000000001',
  CallHistoryId: '7a2d0000-0000-0000-0000-000000000001',
  CdrId: 'c0000000-0000-0000-0000-000000000004',
  CallId: 1204,
  SegmentId: 1204,
  StartTime: '2026-11-17T08:02:39.2210000+00:00',
  SourceDn: '10000',
  SourceCallerId: '+442071234567',
  SourceDisplayName: 'Jane Caller',
  DestinationDn: '101',
  DestinationCallerId: null,
  DestinationDisplayName: 'Ben Okafor',
  actionDnDn: '101',
  Direction: 'Inbound',
  CallType: 'Extension',
  Status: 'Answered',
  Answered: true,
  RingingDuration: 'PT6.2S',
  TalkingDuration: 'PT3M12.577S',
  CallCost: 0,
  Reason: 'Ended by Jane Caller',
  SomethingNew: { kept: true },
};

describe('toCallLeg', () => {
  it('maps a full row to our names', () => {
    expect(toCallLeg(answeredLeg)).toEqual({
      callKey: '6f1c0000-0000-0000-0000-000000000001',
      segmentId: 1204,
      startMs: Date.UTC(2026, 10, 17, 8, 2, 39, 221),
      sourceDn: '10000',
      sourceCallerId: '+442071234567',
      sourceDisplayName: 'Jane Caller',
      destinationDn: '101',
      destinationCallerId: undefined,
      destinationDisplayName: 'Ben Okafor',
      direction: 'Inbound',
      legType: 'Extension',
      status: 'Answered',
      answered: true,
      ringingSeconds: 6.2,
      talkingSeconds: 192.577,
    });
  });

  it('takes the StartTime already read when given it, and reads it itself otherwise', () => {
    const readMs = readStartMs(answeredLeg);
    expect(readMs).toBe(Date.UTC(2026, 10, 17, 8, 2, 39, 221));
    expect(toCallLeg(answeredLeg, readMs)?.startMs).toBe(readMs);
    expect(toCallLeg(answeredLeg, 1234)?.startMs).toBe(1234);
    expect(toCallLeg(answeredLeg, undefined)?.startMs).toBe(readMs);
    expect(
      toCallLeg({ ...answeredLeg, StartTime: 'soon' }, readStartMs({ StartTime: 'soon' })),
    ).toBeUndefined();
  });

  it('falls back to CallHistoryId, then CallId for the call key', () => {
    const { MainCallHistoryId: _main, ...withoutMain } = answeredLeg;
    expect(toCallLeg(withoutMain)?.callKey).toBe('7a2d0000-0000-0000-0000-000000000001');
    expect(toCallLeg({ ...withoutMain, CallHistoryId: null })?.callKey).toBe('1204');
    expect(toCallLeg({ ...answeredLeg, MainCallHistoryId: '', CallHistoryId: '' })?.callKey).toBe('1204');
  });

  it('reads an old build row (no GUIDs, no Direction, hh:mm:ss durations)', () => {
    const leg = toCallLeg({
      CallId: 88,
      StartTime: '2025-02-03T10:00:00Z',
      SourceDn: '101',
      DestinationDn: '102',
      RingingDuration: '00:00:04.5000000',
      TalkingDuration: '00:02:00',
    });
    expect(leg).toEqual({
      callKey: '88',
      segmentId: 0,
      startMs: Date.UTC(2025, 1, 3, 10),
      sourceDn: '101',
      destinationDn: '102',
      ringingSeconds: 4.5,
      talkingSeconds: 120,
    });
  });

  it('counts missing or unreadable durations as 0 s', () => {
    const leg = toCallLeg({ ...answeredLeg, RingingDuration: null, TalkingDuration: 'soon' });
    expect([leg?.ringingSeconds, leg?.talkingSeconds]).toEqual([0, 0]);
  });

  it('is undefined without a key, without a readable StartTime, or with a wrongly typed field', () => {
    expect(
      toCallLeg({ ...answeredLeg, MainCallHistoryId: null, CallHistoryId: null, CallId: null }),
    ).toBeUndefined();
    expect(toCallLeg({ ...answeredLeg, StartTime: undefined })).toBeUndefined();
    expect(toCallLeg({ ...answeredLeg, StartTime: 'not a time' })).toBeUndefined();
    expect(toCallLeg({ ...answeredLeg, Answered: 'yes' })).toBeUndefined();
  });
});
