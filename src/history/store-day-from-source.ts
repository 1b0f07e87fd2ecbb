import { type CallLeg, LEG_TEXT_FIELDS } from '../core/call-leg';
import type { CallLogSource } from '../core/call-log-source';
import type { Logger } from '../core/logger';
import { decodeDayLegs } from './decode-day-legs';
import { encodeDayLegs } from './encode-day-legs';
import type { PbxHistory, UtcDay } from './history-store';
import { UTC_DAY_MS, utcDayStartMs, wholeDayQuery } from './utc-day-split';

export interface StoreDayOptions {
  /** The PBX, asked for the day's `@odata.count` after the legs were read. */
  source: Pick<CallLogSource, 'countRows'>;
  store: PbxHistory;
  day: UtcDay;
  /** Every leg the PBX sent for the day, de-duplicated (as the client sends them), read to the end without error. */
  legs: readonly CallLeg[];
  /**
   * The PBX's count for the day: as the client counted the day's windows while reading them (the
   * report path), or undefined: asked now, after the legs were read (the background check); `null`
   * (the PBX could not count it): nothing is stored.
   */
  pbxCount?: number | null;
  now: () => Date;
  logger: Logger;
  /** The background check replaces a day whose count changed. */
  replace: boolean;
}

/** What became of a day: stored, stored already (by another writer), or not stored because it could not be shown complete. */
export type StoreDayOutcome = 'written' | 'exists' | 'incomplete';

/** The fields of a leg, all compared when a day's encoding is checked. */
const LEG_FIELDS = [
  'callKey',
  'segmentId',
  'startMs',
  ...LEG_TEXT_FIELDS,
  'answered',
  'ringingSeconds',
  'talkingSeconds',
] as const satisfies ReadonlyArray<keyof CallLeg>;

/**
 * Stores a day's legs only when they are certainly the whole day: the PBX's `@odata.count` for the
 * day (`pbxCount`) equals the legs read (a row added or changed meanwhile, or a row the client could
 * not read, makes them differ, and then nothing is stored: a later read tries again);
 * every leg starts within the day; and the encoding decodes back to exactly these legs. The legs
 * are stored sorted by start (stable: legs starting together keep the PBX's order).
 */
export async function storeDayIfComplete(options: StoreDayOptions): Promise<StoreDayOutcome> {
  const { day, logger } = options;
  const fromMs = utcDayStartMs(day);
  const toMs = fromMs + UTC_DAY_MS;
  if (options.legs.some((leg) => !(leg.startMs >= fromMs && leg.startMs < toMs))) {
    logger.warn('Not storing a call-log day: a leg lies outside it', { day });
    return 'incomplete';
  }
  const pbxCount =
    options.pbxCount === undefined ? await options.source.countRows(wholeDayQuery(day)) : options.pbxCount;
  if (pbxCount === null) return 'incomplete';
  if (pbxCount !== options.legs.length) {
    logger.info('Not storing a call-log day: the PBX counts other rows than were read', {
      day,
      legs: options.legs.length,
      pbxCount,
    });
    return 'incomplete';
  }
  const legs = options.legs.slice().sort((a, b) => a.startMs - b.startMs);
  const bytes = encodeDayLegs(legs);
  if (!decodesTo(bytes, legs)) {
    logger.warn('Not storing a call-log day: its encoding does not give back its legs', { day });
    return 'incomplete';
  }
  return options.store.putDay(
    { day, legs: bytes, legCount: legs.length, pbxCount, storedAt: options.now() },
    { replace: options.replace },
  );
}

/** Whether the bytes decode to exactly these legs, field by field. */
function decodesTo(bytes: Uint8Array, legs: readonly CallLeg[]): boolean {
  const decoded = decodeDayLegs(bytes);
  if (decoded.length !== legs.length) return false;
  for (let i = 0; i < legs.length; i++) {
    const a = legs[i]!;
    const b = decoded[i]!;
    for (const field of LEG_FIELDS) if (!Object.is(a[field], b[field])) return false;
  }
  return true;
}
