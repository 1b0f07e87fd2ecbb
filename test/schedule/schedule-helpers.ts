import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply } from '../../src/core/reply';
import type { DigestDelivery } from '../../src/schedule/digest-delivery';
import type { DigestSchedule } from '../../src/schedule/digest-schedule';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';

/** A clock tests move by hand. */
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function createClock(iso: string): TestClock {
  let current = new Date(iso).getTime();
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

/** A digest with sensible defaults: every day at 08:00 in Berlin, `yesterday`, in Slack channel C1. */
export function buildSchedule(overrides: Partial<DigestSchedule> = {}): DigestSchedule {
  return {
    id: 'abc123',
    target: { platform: 'slack', conversationId: 'C1', teamId: 'T1' },
    creator: { platform: 'slack', id: 'U1', email: 'lead@example.com' },
    timeZone: 'Europe/Berlin',
    rule: { cron: '0 8 * * *', description: 'every day at 08:00' },
    command: 'yesterday',
    createdAt: new Date('2026-10-20T12:00:00Z'),
    enabled: true,
    ...overrides,
  };
}

export interface DeliveredDigest {
  scheduleId: string;
  reply: Reply;
  /** The clock when the delivery happened. */
  at: string;
}

/** A delivery that records every post; `failNext` makes the next posts throw. */
export function createRecordingDelivery(now: () => Date) {
  const delivered: DeliveredDigest[] = [];
  const failures: string[] = [];
  const delivery: DigestDelivery = {
    deliver: async (schedule, reply) => {
      const failure = failures.shift();
      if (failure !== undefined) throw new Error(failure);
      delivered.push({ scheduleId: schedule.id, reply, at: now().toISOString() });
    },
  };
  return { delivery, delivered, failNext: (message: string) => failures.push(message) };
}

/** A runReport that needs no PBX: a notice naming the occurrence. */
export async function runFakeReport(schedule: DigestSchedule, occurrenceAt: Date): Promise<Reply> {
  return { kind: 'notice', text: `${schedule.id} for ${occurrenceAt.toISOString()}` };
}

/** The occurrences the recorded replies were produced for (fake report texts). */
export function occurrencesOf(delivered: readonly DeliveredDigest[]): string[] {
  return delivered.map((entry) =>
    entry.reply.kind === 'notice' ? (entry.reply.text.split(' for ')[1] ?? '') : '?',
  );
}

export function openMemoryStore(): SqliteScheduleStore {
  return new SqliteScheduleStore({ path: ':memory:', now: () => new Date('2026-10-20T12:00:00Z') });
}

/** A temporary folder, removed by the returned cleanup. */
export function createTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'calls-bot-schedule-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
