import type { AccessControl } from '../access/access-control';
import { type ParseContext, parseCommand } from '../commands/parse-command';
import { usageText } from '../commands/usage';
import type { ChatUser } from '../core/chat-user';
import type { ConversationTarget } from '../core/conversation-target';
import { describeWindow } from '../core/describe-window';
import { CommandError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { ExplainReply, ReportFocus } from '../core/reply';
import type { ReportRequest } from '../core/report-request';
import { plural } from '../render/format-number';
import type { ExportFormat } from '../render/render-export';
import { composeReportReply } from '../report/compose-reply';
import type { ReportService } from '../report/report-service';
import { type ActionValue, decodeActionValue, refuseUnbegunWindow } from './action-value';
import { type Answer, answerWith } from './answer';
import { type AlertCommandAnswers, answerAlertText } from './answer-alert-text';
import { answerExplainText, isExplainText } from './answer-explain-text';
import { answerHistoryText, type HistoryCommandAnswers } from './answer-history-text';
import { answerScheduleText } from './answer-schedule-text';
import { buildExportFile } from './build-export-file';
import { nameExportFile } from './name-export-file';
import { readCommand } from './read-command';
import { isReplyActionId } from './reply-action-ids';
import { type ActionOptions, buildReportActions, exportFormatOf } from './report-actions';
import type { ScheduleCommands } from './schedule-commands';
import { toErrorReply } from './to-error-reply';

export interface ChatServiceOptions {
  reports: ReportService;
  logger: Logger;
  now: () => Date;
  weekStart: 'monday' | 'sunday';
  maxPeriodDays: number;
  /** Which optional buttons the platform offers. */
  actions: ActionOptions;
  /** The most raw rows one chat export holds (the terminal has no such limit). */
  maxExportRows?: number;
  /** Digest commands (`schedule`, `schedules`, `unschedule`); without it they answer that digests are off. */
  schedules?: ScheduleCommands;
  /** Live alert commands (`alerts missed …`, `alerts`, `alerts off <id>`); without it they answer that alerts are off. */
  alerts?: AlertCommandAnswers;
  /** Call-history commands (`history`, `history purge`, `history purge confirm`; admins only); without it they answer that no history is kept. */
  history?: HistoryCommandAnswers;
  /** Who may see which calls: every report, rows, export and share is authorized here. Absent: no limits. */
  access?: Pick<AccessControl, 'authorize' | 'requireAnyAccess'>;
}

const PREVIEW_ROWS = 5;
const DEFAULT_MAX_EXPORT_ROWS = 20_000;

/**
 * Chat commands and button clicks in, answers out: the same for Slack, Teams and the playground.
 * Never throws: every failure becomes an error reply.
 */
export class ChatService {
  constructor(private readonly options: ChatServiceOptions) {}

  /**
   * Typed text. `conversation` is where it was typed: digests created there are posted there.
   * `explain <words>` answers how the words read, and runs nothing.
   */
  async answerText(text: string, user: ChatUser, conversation?: ConversationTarget): Promise<Answer> {
    return this.guard(user, { input: 'text' }, async () => {
      if (isExplainText(text)) return answerWith(await this.explain(text, user));
      const scheduleReply = await answerScheduleText(
        text,
        user,
        conversation,
        this.options.schedules,
        this.parseContext(user),
        () => this.options.reports.getDirectory(),
      );
      if (scheduleReply) return answerWith(scheduleReply);
      const alertReply = await answerAlertText(text, user, conversation, this.options.alerts);
      if (alertReply) return answerWith(alertReply);
      const historyReply = await answerHistoryText(text, user, this.options.history);
      if (historyReply) return answerWith(historyReply);
      return this.answerCommand(text, 'summary', user, 'text');
    });
  }

  /** A button click. `value` is untrusted: decoded strictly, then re-parsed like typed text. */
  async answerAction(actionId: string, value: unknown, user: ChatUser): Promise<Answer> {
    return this.guard(user, { actionId }, async () => {
      const decoded = decodeActionValue(value);
      if (!decoded || !isReplyActionId(actionId)) {
        throw new CommandError("That button's data could not be read, so nothing was looked up.", 'today');
      }
      const now = this.options.now();
      refuseUnbegunWindow(decoded, now, user.timeZone);
      const format = exportFormatOf(actionId);
      if (format) return this.exportReport(format, decoded, user, actionId, now);
      const answer = await this.answerCommand(decoded.command, decoded.focus, user, actionId, now);
      return actionId === 'share' ? { ...answer, share: true } : answer;
    });
  }

  private async answerCommand(
    text: string,
    focus: ReportFocus,
    user: ChatUser,
    via: string,
    // One clock for the whole reply: the window is read and its buttons are built at the same
    // instant, so a window cut at now ("past 3 hours") gets no Next that starts a moment later.
    now = this.options.now(),
  ): Promise<Answer> {
    const { reports } = this.options;
    const reading = await readCommand(text, this.parseContext(user, now), () => reports.getDirectory());
    if (!reading.ok) {
      // An ambiguous name: the error names the candidates, and a button runs each one.
      if (reading.choices.length === 0) throw reading.error;
      const context = { platform: user.platform, user: user.id, via };
      return answerWith({
        ...toErrorReply(reading.error, this.options.logger, context),
        actions: reading.choices,
      });
    }
    const { request, notes } = await this.authorize(user, reading.request, text, via);
    switch (request.view) {
      case 'help':
        return answerWith({ kind: 'help', text: usageText() });
      case 'rows':
        return this.answerRows(request, notes);
      default: {
        // An ext/queue the PBX does not have is named, never a silent "No calls".
        const [report, unknownDns] = await Promise.all([
          reports.runReport(request),
          reports.describeUnknownDns(request),
        ]);
        const actions = buildReportActions(request, focus, now, this.options.actions);
        return answerWith(
          composeReportReply(request, report, {
            actions,
            focus,
            notes: [...unknownDns, ...notes],
          }),
        );
      }
    }
  }

  /**
   * `explain <words>` under the access rules of a report: someone who may see no calls gets the
   * usual refusal before any name is read against the directory, and a report command is
   * authorized as it would be run (refused, or explained with the note that it will be narrowed).
   */
  private async explain(text: string, user: ChatUser): Promise<ExplainReply> {
    const { access, reports } = this.options;
    await access?.requireAnyAccess(user);
    const reply = answerExplainText(text, this.parseContext(user), reports.cachedDirectory());
    if (
      !access ||
      reply.view === 'schedule' ||
      reply.view === 'alerts' ||
      reply.view === 'history' ||
      reply.view === 'help'
    )
      return reply;
    // The normalised command reads as the same request in any zone (see `formatCommand`).
    const { notes } = await this.authorize(user, this.parse(reply.command, user), text, 'explain');
    return { ...reply, notes: [...reply.notes, ...notes] };
  }

  /** The request as the asker may run it (narrowed to their scope, `me` resolved), or a `forbidden` error. */
  private async authorize(
    user: ChatUser,
    request: ReportRequest,
    command: string,
    via: string,
  ): Promise<{ request: ReportRequest; notes: string[] }> {
    if (!this.options.access || request.view === 'help') return { request, notes: [] };
    const decision = await this.options.access.authorize(user, request, { command, via });
    if (!decision.ok) throw decision.error;
    return decision;
  }

  private async answerRows(request: ReportRequest, accessNotes: string[]): Promise<Answer> {
    const limit = this.options.maxExportRows ?? DEFAULT_MAX_EXPORT_ROWS;
    // One row past the limit shows that the file is cut; a scoped count holds no more than that.
    const { rows, count } = await this.options.reports.runRows(request, { keepRows: limit + 1 });
    const collected: Record<string, unknown>[] = [];
    let truncated = false;
    for await (const row of rows) {
      if (collected.length === limit) {
        truncated = true;
        break;
      }
      collected.push(row);
    }
    const notes = truncated
      ? [...accessNotes, `The file holds the first ${limit} rows; use the terminal or top=/skip= for more.`]
      : accessNotes;
    const windowLabel = describeWindow(request.window);
    const file = {
      filename: nameExportFile('calls-rows', request.window, 'json'),
      title: `Call-log rows, ${windowLabel}`,
      mimeType: 'application/json' as const,
      content: JSON.stringify(count === undefined ? collected : { count, rows: collected }, null, 2),
    };
    const reply = {
      kind: 'rows' as const,
      windowLabel,
      rowCount: count ?? collected.length,
      previewRows: collected.slice(0, PREVIEW_ROWS),
      notes,
      actions: [],
      assumptions: request.assumptions,
    };
    return answerWith(reply, { files: [file] });
  }

  /**
   * An export button: the file (see `buildExportFile`) for the asker, and a notice. Refused where
   * the platform sends no files (Teams), so a forged click there cannot claim a file was sent.
   */
  private async exportReport(
    format: ExportFormat,
    value: ActionValue,
    user: ChatUser,
    via: string,
    now: Date,
  ): Promise<Answer> {
    if (!this.options.actions.exportCsv) {
      throw new CommandError(
        'Exports are not offered here: this chat cannot send you files. Slack (Export CSV, Export XLSX) and the terminal (--format csv or --format xlsx) can.',
      );
    }
    // The per-extension table needs no call list; the calls export is the command's `list`.
    const view = value.focus === 'extensions' ? ('summary' as const) : ('list' as const);
    const parsed = { ...this.parse(value.command, user, now), view };
    const { request, notes } = await this.authorize(user, parsed, value.command, via);
    const report = await this.options.reports.runReport(request);
    const { file, table } = await buildExportFile(report, request.window, {
      format,
      focus: value.focus,
      createdAt: now,
    });
    const what = `${format.toUpperCase()} export of ${plural(table.rows.length, table.rowNoun)}`;
    return answerWith(
      {
        kind: 'notice',
        text: [`${what} (${describeWindow(request.window)}) sent to you.`, ...notes].join(' '),
      },
      { files: [file] },
    );
  }

  private parse(text: string, user: ChatUser, now = this.options.now()): ReportRequest {
    const parsed = parseCommand(text, this.parseContext(user, now));
    if (!parsed.ok) throw parsed.error;
    return parsed.request;
  }

  private parseContext(user: ChatUser, now = this.options.now()): ParseContext {
    return {
      now,
      timeZone: user.timeZone,
      locale: user.locale,
      weekStart: this.options.weekStart,
      maxPeriodDays: this.options.maxPeriodDays,
    };
  }

  private async guard(
    user: ChatUser,
    context: Record<string, unknown>,
    work: () => Promise<Answer>,
  ): Promise<Answer> {
    try {
      return await work();
    } catch (error) {
      return answerWith(
        toErrorReply(error, this.options.logger, { platform: user.platform, user: user.id, ...context }),
      );
    }
  }
}
