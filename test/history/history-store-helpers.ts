import type { StoredDay } from '../../src/history/history-store';

/** The PBX the tests' days are read from, and another one (the bot pointed elsewhere). */
export const TEST_PBX = 'https://pbx.example.com';
export const OTHER_PBX = 'https://other-pbx.example.com';

/** Encoded legs stand-in: `length` bytes, each derived from `seed`, so two days' blobs differ. */
export function fakeLegs(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index++) bytes[index] = (index * 31 + seed * 7) % 251;
  return bytes;
}

/** A stored day as the writer gives it: 2026-11-02 with 3 legs in 300 bytes, stored at 07:00 the next day. */
export function buildDay(
  overrides: Partial<Omit<StoredDay, 'checkedAt'>> = {},
): Omit<StoredDay, 'checkedAt'> {
  return {
    day: '2026-11-02',
    legs: fakeLegs(300),
    legCount: 3,
    pbxCount: 3,
    storedAt: new Date('2026-11-03T07:00:00.123Z'),
    ...overrides,
  };
}
