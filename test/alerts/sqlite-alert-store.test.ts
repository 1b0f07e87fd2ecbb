import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { createTempDir } from '../schedule/schedule-helpers';
import { buildCall, buildSubscription } from './alert-store-helpers';

/** What is SQLite's own; what both stores do is in alert-store-contract.test.ts. */

const NOW = new Date('2026-11-02T09:15:00.000Z');
const NUMBER = '+449876543210';

describe('SqliteAlertStore', () => {
  let temp: ReturnType<typeof createTempDir>;
  let path: string;

  beforeEach(() => {
    temp = createTempDir();
    path = join(temp.dir, 'calls-bot.sqlite');
  });
  afterEach(() => temp.remove());

  it('leaves no trace of a deleted caller in the file once the log is checkpointed', async () => {
    const store = new SqliteScheduleStore({ path });
    try {
      await store.alerts.createSubscription(buildSubscription());
      for (let index = 0; index < 50; index++) {
        const call = buildCall({ callKey: `call-${index}`, fromNumber: NUMBER, fromName: 'Quentin Caller' });
        await store.alerts.claimAlertPost('al0001', call, NOW, new Date('2026-10-01T00:00:00Z'));
      }
    } finally {
      await store.close();
    }
    const checkpoint = () => {
      const db = new BetterSqlite3(path);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    };
    checkpoint();
    expect(readFileSync(path).includes(NUMBER)).toBe(true);

    const again = new SqliteScheduleStore({ path });
    try {
      expect(await again.alerts.deleteAlertsBefore(NOW)).toBe(50);
    } finally {
      await again.close();
    }
    checkpoint();
    expect(readFileSync(path).includes(NUMBER)).toBe(false);
    expect(readFileSync(path).includes('Quentin Caller')).toBe(false);
  });

  it('keeps the filter lists of a subscription as JSON, and reads them back as lists', async () => {
    const store = new SqliteScheduleStore({ path });
    try {
      await store.alerts.createSubscription(buildSubscription({ extensions: ['0101', '102'], queues: [] }));
    } finally {
      await store.close();
    }
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      expect(db.prepare('SELECT extensions, queues FROM alert_subscriptions').get()).toEqual({
        extensions: '["0101","102"]',
        queues: '[]',
      });
    } finally {
      db.close();
    }
  });
});
