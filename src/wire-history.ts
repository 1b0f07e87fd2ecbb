import type { PbxConnection } from './connect-pbx';
import type { CallLogSource } from './core/call-log-source';
import type { Logger } from './core/logger';
import { HistoryCallLogSource } from './history/history-call-log-source';
import { HistoryCheck } from './history/history-check';
import type { HistoryStore } from './history/history-store';
import { StoredLogTrust } from './history/stored-log-trust';

export interface HistoryWiringOptions {
  /** HISTORY_DAYS; 0: history is off. */
  historyDays: number;
  logger: Logger;
  now: () => Date;
}

/** The call-log history (issue 20), wired: what reports read, and the background check. */
export interface HistoryWiring {
  /**
   * What the report service reads: closed days from the store and the rest from the PBX, or the PBX
   * itself when history is off (HISTORY_DAYS=0, or a connection that names no PBX).
   */
  source: CallLogSource;
  /** The background check (undefined when history is off); `tick()` checks now. */
  check: HistoryCheck | undefined;
  /** Starts the check's timer. */
  start(): void;
  /** Stops the check (a check under way finishes) and waits for the days being stored. */
  stop(): Promise<void>;
}

/**
 * `history`: the history of the store `DATABASE_URL` names (`ScheduleStore.history`), closed with it
 * by the caller. Reports read closed days from the store; alerts, `/readyz` and the directory keep the PBX client
 * itself (they read open windows, or no call log). Days are tied to the PBX they were read from
 * (`connection.historyPbx`): the check deletes any other PBX's days, and reports never read them.
 */
export function wireHistory(
  history: HistoryStore,
  connection: PbxConnection,
  options: HistoryWiringOptions,
): HistoryWiring {
  const { historyDays, logger, now } = options;
  const pbx = connection.historyPbx;
  if (historyDays <= 0 || pbx === undefined) {
    return { source: connection.source, check: undefined, start: () => {}, stop: async () => {} };
  }
  const store = history.forPbx(pbx);
  // One judge of whether the stored days are this PBX's log's, for reports and the check alike.
  const trust = StoredLogTrust.asking(connection.source, store, { now, logger });
  const source = new HistoryCallLogSource({
    inner: connection.source,
    store,
    historyDays,
    now,
    logger,
    trust,
  });
  const check = new HistoryCheck({ source: connection.source, store, historyDays, now, logger, trust });
  return {
    source,
    check,
    start: () => check.start(),
    stop: async () => {
      await check.stop();
      await source.whenIdle();
    },
  };
}
