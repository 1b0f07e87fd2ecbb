import fc from 'fast-check';
import type { CallLeg } from '../../src/core/call-leg';
import { PackedLegs } from '../../src/threecx/packed-legs';

const text = fc.option(
  fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('101', 'Inbound', 'Chloé', '')),
  {
    nil: undefined,
  },
);
const leg: fc.Arbitrary<CallLeg> = fc.record({
  callKey: fc.oneof(
    fc.uuid(),
    fc.uuid().map((key) => key.toUpperCase()),
    fc.constantFrom(
      '1204',
      'x',
      '0a1B2c3d-0000-0000-0000-00000000000F',
      'ffffffff-ffff-ffff-ffff-fffffffffffg',
    ),
  ),
  segmentId: fc.oneof(fc.integer(), fc.constant(20_777_000_001)),
  startMs: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  sourceDn: text,
  sourceCallerId: text,
  sourceDisplayName: text,
  destinationDn: text,
  destinationCallerId: text,
  destinationDisplayName: text,
  direction: text,
  legType: text,
  status: text,
  answered: fc.option(fc.boolean(), { nil: undefined }),
  ringingSeconds: fc.double({ min: 0, max: 1e6, noNaN: true }),
  talkingSeconds: fc.double({ min: 0, max: 1e6, noNaN: true }),
});

describe('PackedLegs', () => {
  it('gives back exactly the legs it was given, in order, in any slices', () => {
    fc.assert(
      fc.property(fc.array(leg, { maxLength: 700 }), fc.nat(), (legs, cut) => {
        const packed = new PackedLegs();
        for (const item of legs) packed.append(item);
        packed.seal();
        const at = legs.length === 0 ? 0 : cut % legs.length;
        expect(packed.length).toBe(legs.length);
        const plain = legs.map((item) => ({ ...item }));
        expect([...packed.slice(0, at), ...packed.slice(at, legs.length)]).toStrictEqual(plain);
      }),
      { numRuns: 60 },
    );
  });

  it('hands out fresh objects each time', () => {
    const packed = new PackedLegs();
    packed.append({ callKey: 'c', segmentId: 1, startMs: 5, ringingSeconds: 1.5, talkingSeconds: 0 });
    expect(packed.slice(0, 1)[0]).not.toBe(packed.slice(0, 1)[0]);
    expect(packed.slice(0, 1)).toEqual(packed.slice(0, 1));
  });

  it('refuses legs once sealed', () => {
    const packed = new PackedLegs();
    packed.seal();
    expect(() =>
      packed.append({ callKey: 'c', segmentId: 1, startMs: 5, ringingSeconds: 0, talkingSeconds: 0 }),
    ).toThrow('PackedLegs: append after seal');
  });
});
