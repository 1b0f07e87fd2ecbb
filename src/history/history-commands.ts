import type { AccessRole } from '../access/user-access';
import { writeAuditLine } from '../access/write-audit-line';
import type { ChatUser } from '../core/chat-user';
import { AppError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { NoticeReply } from '../core/reply';
import { formatCount, plural } from '../render/format-number';
import type { HistoryStats, HistoryStore } from './history-store';
import { type HistoryCommand, historyCommandWords } from './parse-history-command';

export interface HistoryCommandsOptions {
  store: Pick<HistoryStore, 'stats' | 'purge'>;
  /** HISTORY_DAYS: how many days are kept (0: none). */
  historyDays: number;
  /** Only admins may see or purge the history (one audit line each time). Absent: no limits (the terminal). */
  access?: HistoryCommandAccess;
  /** Where audit lines go; needed with `access`. */
  logger?: Logger;
}

/** What history commands need of the access rules (`AccessControl` fits). */
export interface HistoryCommandAccess {
  isAdmin(user: ChatUser): boolean;
  roleOf(user: ChatUser): Promise<AccessRole>;
}

/** What a history command found or did, for the text and for the terminal's `--json`. */
export type HistoryOutcome =
  | { kind: 'show'; stats: HistoryStats; historyDays: number }
  | { kind: 'purge'; stats: HistoryStats }
  | { kind: 'purged'; deleted: HistoryStats };

/**
 * `history`, `history purge`, `history purge confirm`: what the store keeps of closed days of the
 * call log (every call's numbers, names and times), and deleting it. Admins only.
 */
export class HistoryCommands {
  constructor(private readonly options: HistoryCommandsOptions) {}

  /** The chat reply; throws a `forbidden` `AppError` for anyone but an admin. */
  async answer(command: HistoryCommand, user: ChatUser): Promise<NoticeReply> {
    await this.requireAdmin(command, user);
    return { kind: 'notice', text: describeHistoryOutcome(await this.run(command)) };
  }

  /** Runs the command without asking who (the terminal, on the server itself). */
  async run(command: HistoryCommand): Promise<HistoryOutcome> {
    const { store, historyDays } = this.options;
    switch (command.kind) {
      case 'show':
        return { kind: 'show', stats: await store.stats(), historyDays };
      case 'purge':
        return { kind: 'purge', stats: await store.stats() };
      case 'purge-confirm':
        return { kind: 'purged', deleted: await store.purge() };
    }
  }

  private async requireAdmin(command: HistoryCommand, user: ChatUser): Promise<void> {
    const { access, logger } = this.options;
    if (!access) return;
    const admin = access.isAdmin(user);
    const role: AccessRole = admin ? 'admin' : await access.roleOf(user).catch((): AccessRole => 'none');
    const refusal = admin
      ? undefined
      : new AppError(
          'forbidden',
          'Only admins may see or delete the call history the bot keeps.',
          'Ask an admin (named in the access policy) if it should be shown or deleted.',
        );
    if (logger) {
      writeAuditLine(logger, {
        user,
        command: historyCommandWords(command),
        via: 'history',
        view: 'history',
        role,
        decision: refusal ? 'refused' : 'allowed',
        ...(refusal && { reason: refusal.message }),
      });
    }
    if (refusal) throw refusal;
  }
}

/** The outcome for people (chat and the terminal without `--json`). */
export function describeHistoryOutcome(outcome: HistoryOutcome): string {
  switch (outcome.kind) {
    case 'show':
      return describeKept(outcome.stats, outcome.historyDays);
    case 'purge':
      return outcome.stats.days === 0
        ? 'There is no call history to delete.'
        : [
            `"history purge confirm" would delete all the call history kept: ${describeStats(outcome.stats)}.`,
            'To delete it, type "history purge confirm". Days are stored again as they close, unless HISTORY_DAYS is 0.',
          ].join('\n');
    case 'purged':
      return outcome.deleted.days === 0
        ? 'There was no call history to delete.'
        : `Deleted the call history: ${describeStats(outcome.deleted)}.`;
  }
}

/** The terminal's `--json`: `{"history": {"days", "legs", "bytes", "oldestDay", "newestDay"}}` for `history`. */
export function historyOutcomeJson(outcome: HistoryOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case 'show':
      return { history: outcome.stats };
    case 'purge':
      return { history: outcome.stats, confirmWith: 'history purge confirm' };
    case 'purged':
      return { deleted: outcome.deleted };
  }
}

function describeKept(stats: HistoryStats, historyDays: number): string {
  const policy =
    historyDays === 0
      ? 'HISTORY_DAYS is 0: no new days are kept.'
      : `Days are kept for HISTORY_DAYS = ${formatCount(historyDays)} days, then deleted.`;
  const kept =
    stats.days === 0
      ? 'No call history is kept.'
      : `Call history kept: ${describeStats(stats)}. Each day holds every call's numbers, names and times.`;
  const purge = stats.days === 0 ? [] : ['"history purge" shows what deleting it would remove.'];
  return [kept, policy, ...purge].join('\n');
}

/** `412 days (2025-10-12 to 2026-11-27, UTC), 1,234,567 legs, 52.3 MB`. */
export function describeStats(stats: HistoryStats): string {
  const span =
    stats.oldestDay === stats.newestDay ? `${stats.oldestDay}` : `${stats.oldestDay} to ${stats.newestDay}`;
  return `${plural(stats.days, 'day')} (${span}, UTC), ${plural(stats.legs, 'leg')}, ${formatBytes(stats.bytes)}`;
}

const UNITS = ['kB', 'MB', 'GB', 'TB'];

/** Bytes for people, in powers of 1000: `980 bytes`, `1.5 kB`, `52.3 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return plural(bytes, 'byte');
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}
