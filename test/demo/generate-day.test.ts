import { DateTime } from 'luxon';
import { createDemoCompany } from '../../src/demo/demo-company';
import { generateExternalContacts } from '../../src/demo/external-contacts';
import { generateDay, type TrafficProfile } from '../../src/demo/generate-day';
import { localDayNumberOf } from '../../src/demo/local-days';

const ZONE = 'Europe/London';
const ROW_FIELDS = [
  'MainCallHistoryId',
  'CallHistoryId',
  'CdrId',
  'CallId',
  'Indent',
  'SegmentId',
  'SubrowDescNumber',
  'StartTime',
  'SourceType',
  'DestinationType',
  'ActionType',
  'ActionDnType',
  'SourceDn',
  'SourceCallerId',
  'SourceDisplayName',
  'DestinationDn',
  'DestinationCallerId',
  'DestinationDisplayName',
  'actionDnDn',
  'ActionDnCallerId',
  'ActionDnDisplayName',
  'RingingDuration',
  'TalkingDuration',
  'CallCost',
  'Answered',
  'Direction',
  'CallType',
  'Status',
  'Reason',
  'RecordingUrl',
  'SrcRecId',
  'DstRecId',
  'QualityReport',
];

function profileFor(callsPerDay: number, seed = 42): TrafficProfile {
  return {
    seed,
    callsPerDay,
    timeZone: ZONE,
    company: createDemoCompany(),
    contacts: generateExternalContacts(seed),
  };
}

const dayNumberOf = (isoDate: string) => localDayNumberOf(Date.parse(`${isoDate}T12:00:00Z`), ZONE);

describe('generateDay', () => {
  it('is deterministic per (seed, day) and differs between seeds', () => {
    const tuesday = dayNumberOf('2026-11-17');
    const first = generateDay(profileFor(150), tuesday).rows.map((row) => row.row);
    const again = generateDay(profileFor(150), tuesday).rows.map((row) => row.row);
    const otherSeed = generateDay(profileFor(150, 7), tuesday).rows.map((row) => row.row);
    expect(again).toEqual(first);
    expect(otherSeed).not.toEqual(first);
  });

  it('shapes rows exactly like 3CX: field names, order, time and duration formats', () => {
    const { rows } = generateDay(profileFor(150), dayNumberOf('2026-11-17'));
    for (const { row } of rows) {
      expect(Object.keys(row)).toEqual(ROW_FIELDS);
      expect(row.StartTime).toMatch(/^2026-11-1[78]T\d\d:\d\d:\d\d\.\d{7}\+00:00$/);
      expect(row.RingingDuration).toMatch(/^PT(0S|(\d+H)?(\d+M)?(\d+(\.\d{1,3})?S)?)$/);
      expect(row.TalkingDuration).toMatch(/^PT(0S|(\d+H)?(\d+M)?(\d+(\.\d{1,3})?S)?)$/);
      expect(row.MainCallHistoryId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(['Inbound', 'Outbound', 'Internal', 'Inbound Queue']).toContain(row.Direction);
      expect(['Extension', 'Queue', 'System', 'Digital Receptionist', 'External']).toContain(row.CallType);
      expect(['Answered', 'Unanswered', 'Waiting', 'Redirected']).toContain(row.Status);
    }
  });

  it('builds IVR -> queue -> agent calls sharing MainCallHistoryId, some ringing an agent unanswered first', () => {
    const { calls } = generateDay(profileFor(150), dayNumberOf('2026-11-17'));
    const queueCalls = calls.filter(
      (call) =>
        call.rows[0]?.row.CallType === 'Digital Receptionist' && call.rows[1]?.row.CallType === 'Queue',
    );
    expect(queueCalls.length).toBeGreaterThan(30);
    const withMissedAgent = queueCalls.find(
      (call) =>
        call.rows.length >= 4 && call.rows[2]!.row.Status === 'Unanswered' && call.rows[3]!.row.Answered,
    );
    expect(withMissedAgent).toBeDefined();
    const [ivr, queue, firstAgent, secondAgent] = withMissedAgent!.rows.map((leg) => leg.row);
    expect(new Set(withMissedAgent!.rows.map((leg) => leg.row.MainCallHistoryId)).size).toBe(1);
    expect(new Set(withMissedAgent!.rows.map((leg) => leg.row.CdrId)).size).toBe(
      withMissedAgent!.rows.length,
    );
    expect(ivr).toMatchObject({
      SourceDn: '10000',
      DestinationDn: '8000',
      DestinationDisplayName: 'Main Menu',
      Direction: 'Inbound',
      Status: 'Answered',
      Answered: true,
      RingingDuration: 'PT0S',
    });
    expect(queue).toMatchObject({
      Direction: 'Inbound Queue',
      CallType: 'Queue',
      Status: 'Waiting',
      Answered: false,
    });
    expect(['800', '801']).toContain(queue!.DestinationDn);
    expect(firstAgent).toMatchObject({
      Direction: 'Inbound',
      CallType: 'Extension',
      Answered: false,
      TalkingDuration: 'PT0S',
    });
    expect(secondAgent).toMatchObject({
      Direction: 'Inbound',
      CallType: 'Extension',
      Status: 'Answered',
      Answered: true,
    });
    expect(queue!.StartTime).toBe(firstAgent!.StartTime);
    expect(Date.parse(String(queue!.StartTime))).toBeGreaterThan(Date.parse(String(ivr!.StartTime)));
    expect(Date.parse(String(secondAgent!.StartTime))).toBeGreaterThan(
      Date.parse(String(firstAgent!.StartTime)),
    );
    expect(Number(secondAgent!.SegmentId)).toBe(Number(ivr!.SegmentId) + 3);
  });

  it('generates every call kind: abandoned, outbound, internal, transfers, voicemail, E.164 callers', () => {
    const weekdays = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'].map(dayNumberOf);
    const rows = weekdays.flatMap((day) => generateDay(profileFor(150), day).rows.map((leg) => leg.row));
    const some = (predicate: (row: Record<string, unknown>) => boolean) => rows.filter(predicate).length;
    expect(some((row) => row.CallType === 'Queue' && row.Status === 'Unanswered')).toBeGreaterThan(0);
    expect(
      some(
        (row) => row.Direction === 'Outbound' && row.CallType === 'External' && row.DestinationDn === '10000',
      ),
    ).toBeGreaterThan(10);
    expect(some((row) => row.Direction === 'Outbound' && row.Answered === false)).toBeGreaterThan(0);
    expect(some((row) => row.Direction === 'Internal' && row.Answered === true)).toBeGreaterThan(0);
    expect(some((row) => row.Direction === 'Internal' && row.Answered === false)).toBeGreaterThan(0);
    expect(some((row) => String(row.Reason).startsWith('Transferred to '))).toBeGreaterThan(0);
    expect(
      some((row) => row.CallType === 'System' && row.DestinationDisplayName === 'Voicemail'),
    ).toBeGreaterThan(0);
    expect(some((row) => row.Status === 'Redirected')).toBeGreaterThan(0);
    for (const prefix of ['+44', '+49', '+1']) {
      expect(some((row) => String(row.SourceCallerId).startsWith(prefix))).toBeGreaterThan(0);
    }
    expect(some((row) => row.SourceDn === '10000' && row.SourceDisplayName !== '')).toBeGreaterThan(0);
  });

  it('puts weekday traffic in business hours and keeps weekends quiet', () => {
    const weekdayCalls = generateDay(profileFor(150), dayNumberOf('2026-11-18')).calls;
    const localHour = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).hour;
    const inHours = weekdayCalls.filter(
      (call) => localHour(call.startMs) >= 8 && localHour(call.startMs) < 18,
    );
    expect(inHours.length / weekdayCalls.length).toBeGreaterThan(0.9);
    expect(inHours.length).toBeLessThan(weekdayCalls.length);
    for (const weekend of ['2026-11-14', '2026-11-15', '2026-11-21', '2026-11-22']) {
      expect(generateDay(profileFor(150), dayNumberOf(weekend)).calls.length).toBeLessThan(
        weekdayCalls.length * 0.3,
      );
    }
  });

  it('has calls crossing an hour boundary and, some days, midnight', () => {
    const spans: Array<[number, number]> = [];
    for (let day = dayNumberOf('2026-11-01'); day <= dayNumberOf('2026-11-20'); day += 1) {
      for (const call of generateDay(profileFor(150), day).calls) {
        const last = call.rows[call.rows.length - 1]!.row;
        const durationMs = (text: unknown) => {
          const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(String(text))!;
          return ((Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60 + Number(match[3] ?? 0)) * 1000;
        };
        const endMs =
          Date.parse(String(last.StartTime)) +
          durationMs(last.RingingDuration) +
          durationMs(last.TalkingDuration);
        spans.push([call.startMs, endMs]);
      }
    }
    const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE });
    expect(spans.some(([start, end]) => local(start).hour !== local(end).hour)).toBe(true);
    expect(spans.some(([start, end]) => local(start).toISODate() !== local(end).toISODate())).toBe(true);
  });

  it('generates a 2,000 calls/day weekday', () => {
    const day = generateDay(profileFor(2000), dayNumberOf('2026-11-17'));
    expect(day.calls.length).toBeGreaterThanOrEqual(1700);
    expect(day.calls.length).toBeLessThanOrEqual(2300);
    expect(day.rows.length).toBeGreaterThan(day.calls.length * 2);
    expect(new Set(day.rows.map((leg) => leg.segmentId)).size).toBe(day.rows.length);
  });
});
