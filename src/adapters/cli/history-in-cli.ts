import type { Config } from '../../config/config';
import { describeHistoryOutcome, HistoryCommands, historyOutcomeJson } from '../../history/history-commands';
import type { HistoryCommand } from '../../history/parse-history-command';
import { openScheduleStore } from '../../schedule/open-schedule-store';
import type { TextSink } from './write-rows-as-json';

/**
 * `npm run -s calls -- history [purge [confirm]] [--json]`: the call history in the store
 * `DATABASE_URL` names. The terminal counts as an admin, as it does for reports: it runs on the
 * server, with the store's file and credentials at hand. `--json` prints
 * `{"history": {"days", "legs", "bytes", "oldestDay", "newestDay"}}` (with `"confirmWith"` for
 * `history purge`; `{"deleted": {…}}` for `history purge confirm`).
 */
export async function historyInCli(
  command: HistoryCommand,
  config: Pick<Config, 'databaseUrl' | 'historyDays'>,
  options: { json: boolean; now: Date; stdout: TextSink },
): Promise<void> {
  const store = await openScheduleStore(config.databaseUrl, { now: () => options.now });
  try {
    const commands = new HistoryCommands({ store: store.history, historyDays: config.historyDays });
    const outcome = await commands.run(command);
    options.stdout.write(
      options.json
        ? `${JSON.stringify(historyOutcomeJson(outcome), null, 2)}\n`
        : `${describeHistoryOutcome(outcome)}\n`,
    );
  } finally {
    await store.close();
  }
}
