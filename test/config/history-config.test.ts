import { loadConfig } from '../../src/config/load-config';
import { configError } from './config-error';

/** HISTORY_DAYS: how many closed days of call-log history the store keeps (product spec, "Configuration"). */

describe('HISTORY_DAYS', () => {
  it('defaults to 400 days', () => {
    expect(loadConfig({}).historyDays).toBe(400);
    expect(loadConfig({ HISTORY_DAYS: ' ' }).historyDays).toBe(400);
  });

  it('reads 0 (keep none) and 3660, the bounds of its range', () => {
    expect(loadConfig({ HISTORY_DAYS: '0' }).historyDays).toBe(0);
    expect(loadConfig({ HISTORY_DAYS: '3660' }).historyDays).toBe(3660);
    expect(loadConfig({ HISTORY_DAYS: '31' }).historyDays).toBe(31);
  });

  it('refuses what is outside the range, fractions and words, naming the value given', () => {
    for (const value of ['-1', '3661', '7.5', 'a year']) {
      const error = configError({ HISTORY_DAYS: value });
      expect(error.kind).toBe('config');
      expect(error.message).toContain(
        `HISTORY_DAYS: HISTORY_DAYS must be a whole number from 0 to 3660, not "${value}"`,
      );
    }
  });
});
