import { deflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import type { CallLeg } from '../../src/core/call-leg';
import { DEFAULT_CALL_LOG_PARAMETERS } from '../../src/core/report-request';
import { startDemoPbx } from '../../src/demo/demo-pbx';
import { crc32ForTests } from '../../src/history/day-legs-bytes';
import { DAY_LEGS_FORMAT_VERSION } from '../../src/history/day-legs-layout';
import {
  DayLegsFormatError,
  dayHoldsLeg,
  dayLegsCount,
  decodeDayLegPages,
  decodeDayLegs,
} from '../../src/history/decode-day-legs';
import { encodeDayLegs } from '../../src/history/encode-day-legs';
import { XapiClient } from '../../src/threecx/xapi-client';
import { buildLeg } from '../helpers/build-leg';

/** A leg as decoding gives it back: every field present, a missing one as undefined (as toCallLeg makes them). */
function withEveryField(leg: CallLeg): CallLeg {
  return {
    callKey: leg.callKey,
    segmentId: leg.segmentId,
    startMs: leg.startMs,
    sourceDn: leg.sourceDn,
    sourceCallerId: leg.sourceCallerId,
    sourceDisplayName: leg.sourceDisplayName,
    destinationDn: leg.destinationDn,
    destinationCallerId: leg.destinationCallerId,
    destinationDisplayName: leg.destinationDisplayName,
    direction: leg.direction,
    legType: leg.legType,
    status: leg.status,
    answered: leg.answered,
    ringingSeconds: leg.ringingSeconds,
    talkingSeconds: leg.talkingSeconds,
  };
}

function pagesOf(bytes: Uint8Array, pageSize: number): CallLeg[][] {
  return [...decodeDayLegPages(bytes, pageSize)].map((page) => [...page]);
}

const BIDI = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200f', '\u200e', '\u061c'];
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const textUnit = fc.oneof(
  fc.constantFrom(...BIDI, 'Chloé', 'محمد', '李', '👩‍💻', '\ufeff', '\u0000', ' ', '+44'),
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
  loneSurrogate,
);
const text = fc.oneof(
  fc.constantFrom('', '101', 'Inbound', 'Inbound Queue', 'Extension', 'Answered', 'Ben Okafor'),
  fc.array(textUnit, { maxLength: 6 }).map((units) => units.join('')),
);

/** A GUID in lower, upper or mixed case. */
const guid = fc
  .tuple(fc.uuid(), fc.constantFrom('lower', 'upper', 'mixed'))
  .map(([value, letterCase]) =>
    letterCase === 'lower'
      ? value.toLowerCase()
      : letterCase === 'upper'
        ? value.toUpperCase()
        : [...value].map((char, index) => (index % 2 ? char.toUpperCase() : char.toLowerCase())).join(''),
  );
const callKey = fc.oneof(
  guid,
  // A few keys shared by several legs (references to earlier keys), GUID-like ones that are not GUIDs.
  fc.constantFrom(
    'ca11ab1e-0000-4000-8000-000000000001',
    'CA11AB1E-0000-4000-8000-000000000002',
    '12345',
    '',
    'ca11ab1e-0000-4000-8000-00000000000g',
    'ca11ab1e00000-4000-8000-000000000001',
    ' ca11ab1e-0000-4000-8000-000000000001',
  ),
  text,
);

const SPECIAL_NUMBERS = [
  0,
  -0,
  -1,
  1,
  Number.NaN,
  Infinity,
  -Infinity,
  2 ** 53,
  -(2 ** 53),
  2 ** 53 - 1,
  0.1,
  1e-320,
];
const anyNumber = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double(),
  fc.constantFrom(...SPECIAL_NUMBERS),
);
/** Durations as 3CX writes them (up to 6 decimals), as the parser sums them (minutes + seconds), and anything. */
const duration = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000_000 }).map((micro) => micro / 1e6),
  fc.integer({ min: 0, max: 100_000_000 }).map((milli) => milli / 1000),
  fc
    .tuple(
      fc.integer({ min: 0, max: 48 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59_999_999 }),
    )
    .map(([hours, minutes, micro]) => hours * 3600 + minutes * 60 + micro / 1e6),
  anyNumber,
);
const startMs = fc.oneof(
  fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
  fc.integer({ min: 1_795_000_000_000, max: 1_795_000_100_000 }),
  anyNumber,
);
const segmentId = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(20_781_005_241), anyNumber);

const leg: fc.Arbitrary<CallLeg> = fc.record(
  {
    callKey,
    segmentId,
    startMs,
    sourceDn: fc.option(text, { nil: undefined }),
    sourceCallerId: fc.option(text, { nil: undefined }),
    sourceDisplayName: fc.option(text, { nil: undefined }),
    destinationDn: fc.option(text, { nil: undefined }),
    destinationCallerId: fc.option(text, { nil: undefined }),
    destinationDisplayName: fc.option(text, { nil: undefined }),
    direction: fc.option(text, { nil: undefined }),
    legType: fc.option(text, { nil: undefined }),
    status: fc.option(text, { nil: undefined }),
    answered: fc.option(fc.boolean(), { nil: undefined }),
    ringingSeconds: duration,
    talkingSeconds: duration,
  },
  // Optional fields may be absent, present as undefined, or present with a value.
  { requiredKeys: ['callKey', 'segmentId', 'startMs', 'ringingSeconds', 'talkingSeconds'] },
);

describe('encodeDayLegs / decodeDayLegs', () => {
  it('gives back every leg exactly, in order (property)', () => {
    fc.assert(
      fc.property(fc.array(leg, { maxLength: 60 }), fc.integer({ min: 1, max: 70 }), (legs, pageSize) => {
        const bytes = encodeDayLegs(legs);
        const decoded = decodeDayLegs(bytes);
        expect(decoded).toEqual(legs);
        expect(decoded).toStrictEqual(legs.map(withEveryField));
        expect(pagesOf(bytes, pageSize).flat()).toStrictEqual(decoded);
        expect(dayLegsCount(bytes)).toBe(legs.length);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps an empty text apart from a missing one, and answered false apart from missing', () => {
    const legs = [
      buildLeg({ sourceDisplayName: '', answered: false }),
      buildLeg({ sourceDisplayName: undefined, answered: undefined }),
    ];
    const decoded = decodeDayLegs(encodeDayLegs(legs));
    expect(decoded[0]!.sourceDisplayName).toBe('');
    expect(decoded[0]!.answered).toBe(false);
    expect(decoded[1]!.sourceDisplayName).toBeUndefined();
    expect(decoded[1]!.answered).toBeUndefined();
  });

  it('keeps 3CX durations exact: six decimals, and sums of minutes and seconds', () => {
    const values = [72.577027, 60 + 12.577027, 3600 + 59 * 60 + 59.999999, 0.000001, 9.019, 1e-7, 0.1 + 0.2];
    const legs = values.map((value, index) =>
      buildLeg({ callKey: `k${index}`, ringingSeconds: value, talkingSeconds: value * 3 }),
    );
    const decoded = decodeDayLegs(encodeDayLegs(legs));
    decoded.forEach((decodedLeg, index) => {
      expect(Object.is(decodedLeg.ringingSeconds, values[index])).toBe(true);
      expect(Object.is(decodedLeg.talkingSeconds, values[index]! * 3)).toBe(true);
    });
  });

  it('gives back numbers exactly on both sides of the 31-bit fast path', () => {
    // Codes of 2^31 and more take the general path: durations of ±2^27 ms or µs, deltas of ±2^30.
    const edges = [2 ** 27, 2 ** 27 - 1, 2 ** 27 + 1, 2 ** 26, 2 ** 30, 2 ** 30 - 1, 2 ** 30 + 1];
    const durations = edges.flatMap((n) => [n / 1000, -n / 1000, n / 1e6, -n / 1e6, (n + 0.5) / 1e6]);
    const legs = durations.map((seconds, index) =>
      buildLeg({
        ringingSeconds: seconds,
        talkingSeconds: -seconds,
        startMs: 1_700_000_000_000 + (index % 2 === 0 ? 1 : -1) * edges[index % edges.length]!,
        segmentId: (index % 3) * edges[index % edges.length]!,
      }),
    );
    expect(decodeDayLegs(encodeDayLegs(legs))).toStrictEqual(legs.map(withEveryField));
  });

  it('keeps a GUID call key in its letter case and a mixed-case one as written', () => {
    const keys = [
      '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b',
      '6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B',
      '6f1C2a3B-4d5e-4f60-8a9b-0c1d2e3f4a5b',
    ];
    const legs = keys.map((key) => buildLeg({ callKey: key }));
    expect(decodeDayLegs(encodeDayLegs(legs)).map((decoded) => decoded.callKey)).toEqual(keys);
  });

  it('stores no legs, and one leg', () => {
    expect(decodeDayLegs(encodeDayLegs([]))).toEqual([]);
    expect(pagesOf(encodeDayLegs([]), 10)).toEqual([]);
    expect(decodeDayLegs(encodeDayLegs([buildLeg()]))).toStrictEqual([withEveryField(buildLeg())]);
  });

  it('refuses a leg with a field of the wrong type', () => {
    const bad = { ...buildLeg(), sourceDn: 101 } as unknown as CallLeg;
    expect(() => encodeDayLegs([bad])).toThrow(/leg 0 has a bad sourceDn/);
  });

  it('computes CRC-32 as zlib does', () => {
    const bytes = new Uint8Array(1000).map((_, index) => (index * 7919) & 255);
    expect(crc32ForTests(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32ForTests(new Uint8Array())).toBe(0);
  });
});

const damagedLegs = Array.from({ length: 40 }, (_, index) =>
  buildLeg({
    callKey: index % 3 === 0 ? `key-${index}` : `0000000${index % 10}-1111-4222-8333-444455556666`,
    startMs: 1_795_560_000_000 + index * 12_345,
    segmentId: 1000 - index,
    sourceDisplayName: index % 2 ? 'Jane Caller' : 'Chloé Durand',
    ringingSeconds: index * 1.000001,
    talkingSeconds: 60 + 12.577027 + index,
  }),
);
const storedBlob = encodeDayLegs(damagedLegs);
const deflatedBlob = deflatedForm(storedBlob);

/** The same blob as days were written before 7 December 2026: its payload deflated. */
function deflatedForm(stored: Uint8Array): Uint8Array {
  // The header: version, compression (0: as is), CRC-32 (4 bytes), then two varints.
  let bodyStart = 6;
  for (let varints = 0; varints < 2; varints++) while (stored[bodyStart++]! >= 128);
  const header = stored.slice(0, bodyStart);
  header[1] = 1;
  return Buffer.concat([header, deflateRawSync(stored.subarray(bodyStart), { level: 6 })]);
}

describe('dayHoldsLeg', () => {
  it('finds every leg of a day by its call key and start, and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.array(leg, { maxLength: 40 }), leg, (legs, other) => {
        const bytes = encodeDayLegs(legs);
        for (const held of legs) if (!Number.isNaN(held.startMs)) expect(dayHoldsLeg(bytes, held)).toBe(true);
        const sameCall = (a: CallLeg, b: CallLeg) =>
          a.callKey.toLowerCase() === b.callKey.toLowerCase() && a.startMs === b.startMs;
        expect(dayHoldsLeg(bytes, other)).toBe(legs.some((held) => sameCall(held, other)));
      }),
      { numRuns: 300 },
    );
  });

  it('tells a call from another by both its key (in any letter case) and its start', () => {
    const held = buildLeg({ callKey: '6f1cabcd-e5f6-4a7b-8c9d-0e1f2a3b4c5d', startMs: 1_795_000_000_000 });
    const bytes = encodeDayLegs([buildLeg({ callKey: 'other', startMs: 1_795_000_000_000 }), held]);
    expect(dayHoldsLeg(bytes, held)).toBe(true);
    expect(dayHoldsLeg(bytes, { callKey: held.callKey, startMs: held.startMs + 1 })).toBe(false);
    expect(dayHoldsLeg(bytes, { callKey: held.callKey.toUpperCase(), startMs: held.startMs })).toBe(true);
    expect(
      dayHoldsLeg(bytes, { callKey: '6f1cabcd-e5f6-4a7b-8c9d-0e1f2a3b4c5e', startMs: held.startMs }),
    ).toBe(false);
    expect(dayHoldsLeg(encodeDayLegs([]), held)).toBe(false);
  });

  it('refuses a damaged day as decoding does', () => {
    const bytes = encodeDayLegs([buildLeg({ callKey: 'a' }), buildLeg({ callKey: 'b' })]);
    const damaged = bytes.slice();
    damaged[damaged.length - 1]! ^= 1;
    expect(() => dayHoldsLeg(damaged, buildLeg({ callKey: 'a' }))).toThrow(DayLegsFormatError);
  });
});

describe('the payload', () => {
  it('is written as is, and a deflated one (days written before 7 December 2026) still reads', () => {
    expect([storedBlob[1], deflatedBlob[1]]).toEqual([0, 1]);
    expect(deflatedBlob.length).toBeLessThan(storedBlob.length);
    const expected = damagedLegs.map(withEveryField);
    expect(decodeDayLegs(deflatedBlob)).toStrictEqual(expected);
    expect(pagesOf(deflatedBlob, 7).flat()).toStrictEqual(expected);
  });

  it('as is, is refused when its checksum does not match', () => {
    const damaged = storedBlob.slice();
    damaged[damaged.length - 1]! ^= 1;
    expect(() => decodeDayLegs(damaged)).toThrow(/checksum mismatch/);
  });
});

describe.each([
  { form: 'stored as is', bytes: storedBlob, harmlessBits: 0 },
  // Only padding bits at the end of the deflated stream may change without effect.
  { form: 'deflated (written before 7 December 2026)', bytes: deflatedBlob, harmlessBits: 7 },
])('damaged blobs, $form', ({ bytes, harmlessBits }) => {
  const expected = damagedLegs.map(withEveryField);

  /** The blob decodes to exactly the legs, or throws DayLegsFormatError: never other legs. */
  function expectRightLegsOrError(blob: Uint8Array): 'error' | 'legs' {
    let decoded: CallLeg[];
    try {
      decoded = decodeDayLegs(blob);
    } catch (error) {
      expect(error).toBeInstanceOf(DayLegsFormatError);
      return 'error';
    }
    expect(decoded).toStrictEqual(expected);
    return 'legs';
  }

  it('throws for every truncation', () => {
    for (let length = 0; length < bytes.length; length++) {
      expect(() => decodeDayLegs(bytes.subarray(0, length))).toThrow(DayLegsFormatError);
      expect(() => decodeDayLegPages(bytes.subarray(0, length), 7)).toThrow(DayLegsFormatError);
    }
  });

  it('never gives other legs for any one bit flipped', () => {
    let errors = 0;
    for (let position = 0; position < bytes.length; position++) {
      for (let bit = 0; bit < 8; bit++) {
        const damaged = bytes.slice();
        damaged[position]! ^= 1 << bit;
        if (expectRightLegsOrError(damaged) === 'error') errors++;
      }
    }
    expect(errors).toBeGreaterThanOrEqual(bytes.length * 8 - harmlessBits);
  });

  it('never gives other legs for random bytes or bytes appended', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (random) => {
        expect(() => decodeDayLegs(random)).toThrow(DayLegsFormatError);
      }),
    );
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expectRightLegsOrError(longer);
  });

  it('refuses an unknown version clearly', () => {
    const future = bytes.slice();
    future[0] = DAY_LEGS_FORMAT_VERSION + 1;
    expect(() => decodeDayLegs(future)).toThrow(
      `Stored day legs cannot be read: format version ${DAY_LEGS_FORMAT_VERSION + 1} is not one this build reads (version ${DAY_LEGS_FORMAT_VERSION})`,
    );
    expect(() => decodeDayLegs(new Uint8Array())).toThrow(/the blob is empty/);
  });
});

describe('a weekday of the demo PBX (2,000 calls a day), read through the client', () => {
  it('round-trips and takes at most 120 bytes a leg', async () => {
    const pbx = await startDemoPbx({
      seed: 42,
      now: new Date('2026-11-29T10:00:00Z'),
      callsPerDay: 2000,
      days: 8,
    });
    const client = new XapiClient({
      baseUrl: pbx.url,
      clientId: pbx.clientId,
      clientSecret: pbx.clientSecret,
    });
    try {
      const legs: CallLeg[] = [];
      // Tuesday 24 Nov 2026, a UTC day.
      for await (const read of client.streamLegs({
        from: new Date('2026-11-24T00:00:00Z'),
        to: new Date('2026-11-25T00:00:00Z'),
        callLog: DEFAULT_CALL_LOG_PARAMETERS,
      })) {
        legs.push(read);
      }
      expect(legs.length).toBeGreaterThan(4000);
      const bytes = encodeDayLegs(legs);
      const bytesPerLeg = bytes.length / legs.length;
      console.log(
        `day-legs codec: ${legs.length} legs in ${bytes.length} bytes, ${bytesPerLeg.toFixed(1)} bytes a leg`,
      );
      expect(bytesPerLeg).toBeLessThanOrEqual(120);
      expect(decodeDayLegs(bytes)).toStrictEqual(legs);
      expect(pagesOf(bytes, 1000).flat()).toStrictEqual(legs);
    } finally {
      await client.close();
      await pbx.close();
    }
  });
});
