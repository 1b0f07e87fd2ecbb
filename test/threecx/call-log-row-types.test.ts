import fc from 'fast-check';
import { rawCallLogRowSchema, toCallLeg } from '../../src/threecx/call-log-row';

const FIELDS = Object.keys(rawCallLogRowSchema.shape);

/** Values of every JSON type (and a few that JSON cannot carry), to put in any field. */
const anyValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('2026-11-26T08:00:00Z', 'PT12.5S', '00:00:04', '6f1c0000-0000-0000-0000-000000000001'),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

/** A readable row with one to three fields replaced by arbitrary values. */
const row = fc
  .record({
    replaced: fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { minKeys: 1, maxKeys: 3 }),
  })
  .map(({ replaced }) => ({
    MainCallHistoryId: '6f1c0000-0000-0000-0000-000000000001',
    CallId: 12,
    SegmentId: 3,
    StartTime: '2026-11-26T08:00:00.1234567+00:00',
    SourceDn: '10000',
    DestinationDn: '101',
    Answered: true,
    RingingDuration: 'PT4S',
    TalkingDuration: 'PT1M2.5S',
    ...replaced,
  }));

describe('toCallLeg field types', () => {
  it('rejects exactly the rows the schema rejects', () => {
    fc.assert(
      fc.property(row, (raw) => {
        const schemaAccepts = rawCallLogRowSchema.safeParse(raw).success;
        if (!schemaAccepts) expect(toCallLeg(raw)).toBeUndefined();
        else expect(toCallLeg(raw) === undefined).toBe(!hasKeyAndStart(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects what is not an object', () => {
    expect(toCallLeg([] as unknown as Record<string, unknown>)).toBeUndefined();
    expect(toCallLeg(null as unknown as Record<string, unknown>)).toBeUndefined();
  });
});

/** The other two reasons for no leg: no grouping key, no readable StartTime. */
function hasKeyAndStart(raw: Record<string, unknown>): boolean {
  const key = [raw.MainCallHistoryId, raw.CallHistoryId].some(
    (value) => typeof value === 'string' && value !== '',
  );
  const callId = raw.CallId !== null && raw.CallId !== undefined && raw.CallId !== '';
  const start = typeof raw.StartTime === 'string' && !Number.isNaN(Date.parse(raw.StartTime));
  return (key || callId) && start;
}
