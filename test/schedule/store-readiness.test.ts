import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLogger, silentLogger } from '../../src/core/logger';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { createHealthRoutes, storeReadinessCheck } from '../../src/server/health-routes';
import { createHttpServer } from '../../src/server/http-server';
import { READINESS_HINTS } from '../../src/server/readiness-reasons';
import { createTempDir, openMemoryStore } from './schedule-helpers';

describe('schedule store readiness', () => {
  it('pings an open store, in memory or on disk', async () => {
    const memory = openMemoryStore();
    await expect(memory.ping()).resolves.toBeUndefined();
    await memory.close();
    const temp = createTempDir();
    const file = new SqliteScheduleStore({ path: join(temp.dir, 'nested', 'calls-bot.sqlite') });
    await expect(file.ping()).resolves.toBeUndefined();
    await file.close();
    temp.remove();
  });

  it('fails the ping of a closed store with a reason and a hint', async () => {
    const store = openMemoryStore();
    await store.close();
    await expect(store.ping()).rejects.toMatchObject({
      kind: 'unreachable',
      message: 'The schedule database does not answer (The database connection is not open).',
      hint: 'Check DATABASE_URL, that the file is readable and writable, and that the disk is not full.',
    });
  });

  it('makes /readyz answer 503 with store_unavailable when the store does not answer', async () => {
    const store = openMemoryStore();
    let clock = new Date('2026-11-29T10:00:00Z');
    const logs: string[] = [];
    const logger = createLogger({ write: (line) => logs.push(line) });
    const routes = createHealthRoutes([storeReadinessCheck(store)], { logger, now: () => clock });
    const server = createHttpServer(routes, silentLogger);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
    try {
      const ready = await fetch(url);
      expect([ready.status, await ready.json()]).toEqual([
        200,
        { status: 'ready', checks: [{ name: 'store', ok: true }] },
      ]);
      await store.close();
      clock = new Date(clock.getTime() + 10_000); // past the 10 s a result is served for
      const down = await fetch(url);
      expect([down.status, await down.json()]).toEqual([
        503,
        {
          status: 'not ready',
          checks: [
            {
              name: 'store',
              ok: false,
              reason: 'store_unavailable',
              hint: READINESS_HINTS.store_unavailable,
            },
          ],
        },
      ]);
      expect(READINESS_HINTS.store_unavailable).toContain('DATABASE_URL');
      expect(logs.filter((line) => line.includes('readiness check failed'))).toEqual([
        expect.stringContaining(
          'The schedule database does not answer (The database connection is not open).',
        ),
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
