import type { Config } from '../../config/config';
import type { PbxConnection } from '../../connect-pbx';
import type { CallLogSource } from '../../core/call-log-source';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { openScheduleStore } from '../../schedule/open-schedule-store';
import { wireHistory } from '../../wire-history';

/** What the terminal's report reads, and how to let go of it once the report is printed. */
export interface CliReportSource {
  source: CallLogSource;
  /** Waits for the days the report read to be stored, then closes the store. */
  close(): Promise<void>;
}

/**
 * The call-log history for a report in the terminal: the store `DATABASE_URL` names, as the bot's
 * (a month read by the bot is not read from the PBX again here, and the other way round). No
 * background check runs (the bot's does). A store that cannot be opened costs the report nothing:
 * a warning, and the PBX answers.
 */
export async function openCliHistory(
  config: Pick<Config, 'databaseUrl' | 'historyDays'>,
  connection: PbxConnection,
  logger: Logger,
  now: Date,
): Promise<CliReportSource> {
  const withoutHistory = { source: connection.source, close: async () => {} };
  if (config.historyDays <= 0 || connection.historyPbx === undefined) return withoutHistory;
  let store: Awaited<ReturnType<typeof openScheduleStore>>;
  try {
    store = await openScheduleStore(config.databaseUrl, { now: () => now });
  } catch (error) {
    logger.warn('Could not open the store for the call-log history (DATABASE_URL); asking the PBX', {
      error: describeError(error),
    });
    return withoutHistory;
  }
  const { historyDays } = config;
  const history = wireHistory(store.history, connection, { historyDays, logger, now: () => now });
  return {
    source: history.source,
    close: async () => {
      await history.stop();
      await store.close();
    },
  };
}
