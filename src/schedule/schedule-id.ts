import { randomBytes } from 'node:crypto';

/** Crockford's base32 in lower case: no i, l, o, u, so ids read aloud and type without mix-ups. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ID_LENGTH = 6;
const ID_PATTERN = /^[0-9abcdefghjkmnpqrstvwxyz]{6}$/;

/** A fresh digest id, e.g. `k3m9qa` (30 random bits); `random` is injectable for tests. */
export function createScheduleId(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(ID_LENGTH);
  let id = '';
  for (let index = 0; index < ID_LENGTH; index++) id += ALPHABET[(bytes[index] ?? 0) % 32];
  return id;
}

/** An id as typed (`K3M9QA`, `k3m9oa` with o for 0) in its stored form, or undefined if it cannot be one. */
export function normalizeScheduleId(typed: string): string | undefined {
  const id = typed.trim().toLowerCase().replace(/o/g, '0').replace(/[il]/g, '1');
  return ID_PATTERN.test(id) ? id : undefined;
}
