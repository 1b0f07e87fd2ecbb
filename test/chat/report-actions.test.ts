import { decodeActionValue, refuseUnbegunWindow } from '../../src/chat/action-value';
import { buildReportActions, isActionOffered } from '../../src/chat/report-actions';
import { shiftWindow } from '../../src/chat/shift-window';
import { parseCommand } from '../../src/commands/parse-command';
import { CommandError } from '../../src/core/errors';
import type { ReplyActionId, ReportFocus } from '../../src/core/reply';

const NOW = new Date('2026-11-29T10:00:00Z');
const ZONE = 'Europe/Berlin';
const OPTIONS = { exportCsv: true, share: true };

function parse(text: string, now = NOW) {
  const parsed = parseCommand(text, { now, timeZone: ZONE, weekStart: 'monday', maxPeriodDays: 400 });
  if (!parsed.ok) throw parsed.error;
  return parsed.request;
}

/** The buttons of `text`'s report as `id: command (focus)`. */
function offered(text: string, focus: ReportFocus = 'summary'): string[] {
  return buildReportActions(parse(text), focus, NOW, OPTIONS).map((action) => {
    const value = decodeActionValue(action.value);
    return `${action.id}: ${value?.command} (${value?.focus})`;
  });
}

describe('buildReportActions: the one place that decides which buttons a report offers', () => {
  it('offers no Next on windows cut at now, and Next (today so far) after yesterday', () => {
    const ids = (text: string) => buildReportActions(parse(text), 'summary', NOW, OPTIONS).map((a) => a.id);
    for (const text of ['past 3 hours', 'today', 'this week', 'this month']) {
      expect(ids(text)).toContain('previous');
      expect(ids(text)).not.toContain('next');
    }
    expect(offered('yesterday')).toContain(
      'next: summary from=2026-11-29T00:00:00.000+01:00 to=2026-11-29T11:00:00.000+01:00 (summary)',
    );
  });

  it('offers Summary (the command without `missed`) instead of Missed calls on a missed-only report', () => {
    expect(offered('list missed yesterday ext 101')).toEqual([
      'summary: summary from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 101 (summary)',
      'by-extension: list from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 101 missed (extensions)',
      'previous: list from=2026-11-27T00:00:00.000+01:00 to=2026-11-28T00:00:00.000+01:00 ext 101 missed (summary)',
      'next: list from=2026-11-29T00:00:00.000+01:00 to=2026-11-29T11:00:00.000+01:00 ext 101 missed (summary)',
      'export-csv: list from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 101 missed (summary)',
      'export-xlsx: list from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 101 missed (summary)',
      'share: list from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 101 missed (summary)',
    ]);
  });

  it('offers Missed calls on other reports, and Summary once missed calls or extensions come first', () => {
    expect(offered('yesterday')[0]).toBe(
      'missed: summary from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 missed (missed)',
    );
    expect(offered('answered yesterday')[0]).toMatch(/^missed: .* missed \(missed\)$/);
    for (const focus of ['missed', 'extensions'] as const) {
      expect(offered('yesterday', focus)[0]).toBe(
        'summary: summary from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 (summary)',
      );
    }
    expect(offered('yesterday', 'extensions').map((line) => line.split(':')[0])).not.toContain(
      'by-extension',
    );
  });
});

describe('the export buttons', () => {
  it("export the calls (the command's list), or the extension table (its summary) from the By extension view", () => {
    const exports = (focus: ReportFocus) =>
      offered('yesterday ext 101', focus).filter((line) => line.startsWith('export'));
    expect(exports('summary')).toEqual([
      'export-csv: list from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 101 (summary)',
      'export-xlsx: list from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 101 (summary)',
    ]);
    expect(exports('extensions')).toEqual([
      'export-csv: summary from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 101 (extensions)',
      'export-xlsx: summary from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 101 (extensions)',
    ]);
  });

  it('are offered only where the platform sends files (not in Teams)', () => {
    const teams = { exportCsv: false, share: false };
    const ids = buildReportActions(parse('yesterday'), 'summary', NOW, teams).map((action) => action.id);
    expect(ids).toEqual(['missed', 'by-extension', 'previous', 'next']);
    expect(
      ['export-csv', 'export-xlsx', 'share'].map((id) => isActionOffered(id as ReplyActionId, teams)),
    ).toEqual([false, false, false]);
    expect(isActionOffered('export-xlsx', OPTIONS)).toBe(true);
  });
});

describe('shiftWindow', () => {
  it('gives no window that starts at or after now, and cuts one that ends after now', () => {
    const threeHours = parse('past 3 hours').window;
    expect(shiftWindow(threeHours, 1, NOW)).toBeUndefined();
    // A moment later (a clock read after the window's) Next would be a sliver: hence one clock per reply.
    expect(shiftWindow(threeHours, 1, new Date(NOW.getTime() + 5))?.to).toEqual(new Date(NOW.getTime() + 5));
    const before = shiftWindow(threeHours, -1, NOW)!;
    expect(shiftWindow(before, 1, NOW)).toEqual(threeHours);
  });
});

describe('refuseUnbegunWindow', () => {
  const refuse = (command: string) => () => refuseUnbegunWindow({ command, focus: 'summary' }, NOW, ZONE);

  it('refuses a button whose window starts at or after now, in the clicker zone', () => {
    expect(refuse('summary from=2026-11-29T11:00:00.000+01:00 to=2026-11-29T14:00:00.000+01:00')).toThrow(
      new CommandError(
        'That button asks for a period starting Sun 29 Nov 2026 11:00, which has not begun: it is now Sun 29 Nov 2026 11:00 (Europe/Berlin). Nothing was looked up.',
        'today',
      ),
    );
    expect(refuse('summary from=2026-11-30 ext 101')).toThrow(/starting Mon 30 Nov 2026 00:00/);
  });

  it('lets through windows that start before now, commands without from=, and what the parser refuses', () => {
    expect(
      refuse('summary from=2026-11-29T10:59:59.999+01:00 to=2026-11-29T14:00:00.000+01:00'),
    ).not.toThrow();
    expect(refuse('last week ext 101')).not.toThrow();
    expect(refuse('summary from=tomorrow')).not.toThrow();
  });
});
