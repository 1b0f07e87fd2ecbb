import { isAlertCommandText } from '../../alerts/parse-alert-command';
import { ALERTS_NEED_A_CONVERSATION } from '../../chat/answer-alert-text';
import { buildExportFile } from '../../chat/build-export-file';
import { readCommand } from '../../chat/read-command';
import type { ParseContext } from '../../commands/parse-command';
import { usageText } from '../../commands/usage';
import { secretsOf } from '../../config/config';
import { isValidTimeZone } from '../../config/is-valid-time-zone';
import { loadConfig } from '../../config/load-config';
import { connectPbx, type PbxConnection } from '../../connect-pbx';
import { describeWindow } from '../../core/describe-window';
import { AppError, CommandError, describeError, exitCodeFor } from '../../core/errors';
import { createLogger, redact } from '../../core/logger';
import type { ReportRequest } from '../../core/report-request';
import { parseHistoryCommand } from '../../history/parse-history-command';
import type { ExportFormat } from '../../render/render-export';
import { renderText } from '../../render/render-text';
import { composeReportReply } from '../../report/compose-reply';
import { ReportService } from '../../report/report-service';
import { chooseCliLocale } from './choose-cli-locale';
import { explainInCli } from './explain-in-cli';
import { historyInCli } from './history-in-cli';
import { type CliReportSource, openCliHistory } from './open-cli-history';
import { parseCliArguments } from './parse-cli-arguments';
import { type TextSink, writeRowsAsJson } from './write-rows-as-json';

/** What the terminal gives the CLI: streams, environment and clock, injectable for tests. */
export interface CliIo {
  stdout: TextSink;
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  now: () => Date;
  /** The machine's IANA zone, used when neither --tz nor DEFAULT_TIMEZONE says. */
  machineTimeZone: string;
  /** Whether stdout is a terminal, where an XLSX (bytes) is refused; default false. */
  stdoutIsTerminal?: boolean;
}

/**
 * `npm run -s calls -- <command words> [--json | --format csv|xlsx] [--tz ZONE] [--now ISO]
 * [--locale BCP47]`: the bot in a terminal; `explain <words>` shows how the words read without
 * running them. Returns the exit code: 0 done, 2 a bad command or configuration, 1 the PBX or
 * network failed. Results go to stdout only when complete; messages go to stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string, code: number) => {
    io.stderr.write(`${message}\n`);
    return code;
  };
  const args = parseCliArguments(argv);
  if (!args.ok) return fail(args.message, 2);
  const { commandText, explain, json, format } = args.value;
  if (format === 'xlsx' && io.stdoutIsTerminal)
    return fail(
      'An XLSX file is bytes, not text: send it to a file, e.g. `… --format xlsx > calls.xlsx`.',
      2,
    );

  let secrets: string[] = [];
  let connection: PbxConnection | undefined;
  let reportSource: CliReportSource | undefined;
  try {
    const config = loadConfig(io.env);
    secrets = secretsOf(config);
    const timeZone = args.value.timeZone ?? config.defaultTimeZone ?? io.machineTimeZone;
    if (!isValidTimeZone(timeZone))
      return fail(`Unknown time zone "${timeZone}". Use an IANA name such as Europe/Berlin.`, 2);
    const now = args.value.now === undefined ? io.now() : new Date(args.value.now);
    if (Number.isNaN(now.getTime()))
      return fail(`--now needs an ISO date-time such as 2026-11-29T10:00:00Z, not "${args.value.now}".`, 2);

    const locale = chooseCliLocale(args.value.locale, io.env.LANG, config.defaultLocale);
    if (!locale.ok) return fail(locale.message, 2);

    const context: ParseContext = {
      now,
      timeZone,
      locale: locale.locale,
      weekStart: config.weekStart,
      maxPeriodDays: config.maxPeriodDays,
    };
    if (explain) {
      explainInCli(commandText, context, json, io.stdout);
      return 0;
    }
    // The call history in the store; the terminal counts as an admin (it runs on the server).
    const history = parseHistoryCommand(commandText);
    if (history) {
      if (!history.ok) throw history.error;
      if (format)
        throw new CommandError(
          `--format ${format} exports a report's calls; "history" prints text, or JSON with --json.`,
          'history --json',
        );
      await historyInCli(history.command, config, { json, now, stdout: io.stdout });
      return 0;
    }
    // Alerts post into a conversation as calls end; the terminal has none (whatever the words after `alerts`).
    if (isAlertCommandText(commandText)) throw new CommandError(ALERTS_NEED_A_CONVERSATION);
    const logger = createLogger({
      level: 'warn',
      secrets: () => secrets,
      write: (line) => io.stderr.write(`${line}\n`),
    });
    // The PBX is asked only when needed: for the report, or for the directory when words name people.
    let service: ReportService | undefined;
    const openService = async (): Promise<ReportService> => {
      if (service) return service;
      connection = await connectPbx(config, { logger, now });
      secrets = [...secrets, ...connection.secrets];
      reportSource = await openCliHistory(config, connection, logger, now);
      service = new ReportService({
        source: reportSource.source,
        serviceLevelSeconds: config.serviceLevelSeconds,
        maskNumbers: config.privacyMaskNumbers,
        now: () => now,
      });
      return service;
    };
    // Names (`calls for ben`) resolve against the directory; an ambiguous one lists its candidates.
    const reading = await readCommand(commandText, context, async () => (await openService()).getDirectory());
    if (!reading.ok) throw reading.error;
    const { request } = reading;
    if (request.me) {
      throw new CommandError(
        '"me" means the asker\'s own extension, and the terminal has no chat account to tell whose: name the extension.',
        'yesterday ext 101',
      );
    }
    if (request.view === 'help') {
      io.stdout.write(`${usageText()}\n`);
      return 0;
    }
    if (format && request.view === 'rows') {
      throw new CommandError(
        `--format ${format} exports a report's calls; the raw rows come as JSON with --json.`,
        'rows yesterday top=50 --json',
      );
    }
    const reports = await openService();
    if (format) await printExport(reports, request, format, now, io);
    else if (request.view === 'rows') await printRows(reports, request, json, io);
    else await printReport(reports, request, json, io);
    return 0;
  } catch (error) {
    return fail(redact(describeFailure(error), secrets), exitCodeFor(error));
  } finally {
    await reportSource?.close();
    await connection?.close();
  }
}

async function printReport(
  service: ReportService,
  request: ReportRequest,
  json: boolean,
  io: CliIo,
): Promise<void> {
  if (json) {
    io.stdout.write(`${JSON.stringify(await service.runReport(request), null, 2)}\n`);
    return;
  }
  // As in chat: an ext/queue the PBX does not have is named, never a silent "No calls".
  const [report, notes] = await Promise.all([
    service.runReport(request),
    service.describeUnknownDns(request),
  ]);
  io.stdout.write(`${renderText(composeReportReply(request, report, { notes }))}\n`);
}

/** `--format`: the calls of the command's `list` as a CSV (text) or XLSX (bytes) file on stdout. */
async function printExport(
  service: ReportService,
  request: ReportRequest,
  format: ExportFormat,
  now: Date,
  io: CliIo,
): Promise<void> {
  const report = await service.runReport({ ...request, view: 'list' });
  const { file } = await buildExportFile(report, request.window, {
    format,
    focus: 'summary',
    createdAt: now,
  });
  io.stdout.write(file.content);
}

async function printRows(
  service: ReportService,
  request: ReportRequest,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const { rows, count } = await service.runRows(request);
  if (json) {
    await writeRowsAsJson(rows, count, io.stdout);
    return;
  }
  const collected = [];
  for await (const row of rows) collected.push(row);
  const windowLabel = describeWindow(request.window);
  const rowCount = count ?? collected.length;
  io.stdout.write(
    `${renderText({
      kind: 'rows',
      windowLabel,
      rowCount,
      previewRows: collected,
      notes: [],
      actions: [],
      assumptions: request.assumptions,
    })}\n`,
  );
}

function describeFailure(error: unknown): string {
  if (error instanceof AppError)
    return error.hint ? `Error: ${error.message}\n${error.hint}` : `Error: ${error.message}`;
  const detail = describeError(error);
  return `Unexpected error: ${detail}`;
}
