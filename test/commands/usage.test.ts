import { parseAlertCommand } from '../../src/alerts/parse-alert-command';
import { parseCommand } from '../../src/commands/parse-command';
import { usageText } from '../../src/commands/usage';
import { parseHistoryCommand } from '../../src/history/parse-history-command';
import { parseScheduleCommand } from '../../src/schedule/parse-schedule-command';

describe('usageText', () => {
  const text = usageText();
  const context = { now: new Date('2026-11-18T13:30:00Z'), timeZone: 'Europe/Berlin' };

  test('names the syntax, every view, every period form, filter and option', () => {
    for (const part of [
      '`[view] [period] [filters] [options]`',
      '`summary`',
      '`list`',
      '`rows`',
      '`help`',
      '`today`',
      '`yesterday`',
      '`last workday`',
      '`this week`',
      '`last week`',
      '`this month`',
      '`last month`',
      '`last 7 days`',
      '`past 3 hours`',
      '`since monday`',
      '`since nov 3`',
      '`on friday`',
      '`nov 3`',
      '`2026-11-03`',
      '`nov 1 - nov 15`',
      '`from nov 1 to nov 15`',
      '`2026-11-01..2026-11-15`',
      '`from=2026-11-01T08:00 to=2026-11-01T12:00`',
      '`ext 101`',
      '`ext 101,102`',
      '`queue 800`',
      '`inbound`',
      '`outbound`',
      '`internal`',
      '`answered`',
      '`missed`',
      '`me`',
      '`source-type=N`',
      '`source=TEXT`',
      '`dest-type=N`',
      '`dest=TEXT`',
      '`calls-type=N`',
      '`time-filter=N`',
      '`time-from=H:MM:SS`',
      '`time-to=H:MM:SS`',
      '`pcalls=show|hide`',
      '`top=N`',
      '`skip=N`',
      '`search=TEXT`',
      '`filter="OData expression"`',
      '`count`',
      '`select=A,B`',
      '`orderby="StartTime desc"`',
      '`expand=Recordings`',
    ]) {
      expect(text).toContain(part);
    }
  });

  test('names the digest commands on one line, which is no list of report commands', () => {
    const line = text.split('\n').find((candidate) => candidate.startsWith('Digests'));
    expect(line).toBe(
      'Digests, in a Slack channel or Teams conversation: `schedule every weekday at 8:00 last workday missed` posts that report there on that schedule; `schedules` lists them, `unschedule <id>` removes one, `schedule help` tells more.',
    );
    expect(text.indexOf('Digests')).toBeLessThan(text.indexOf('Examples:'));
    for (const span of ['schedule every weekday at 8:00 last workday missed', 'schedules', 'schedule help']) {
      const parsed = parseScheduleCommand(span, context);
      expect(parsed?.ok ? span : `${span}: ${JSON.stringify(parsed)}`).toBe(span);
    }
  });

  test('names the alert and history commands, each on its line, and each as its parser reads it', () => {
    const alerts = text.split('\n').find((candidate) => candidate.startsWith('Live alerts'));
    expect(alerts).toBe(
      'Live alerts, in a Slack channel or Teams conversation: `alerts missed queue 800` posts each missed call there as it ends, with "I\'ll call back"; `alerts` lists them, `alerts off <id>` stops one.',
    );
    expect(parseAlertCommand('alerts missed queue 800')).toMatchObject({ ok: true });
    expect(parseAlertCommand('alerts')).toMatchObject({ ok: true });
    const history = text.split('\n').find((candidate) => candidate.startsWith('Admins'));
    expect(history).toContain('`history`');
    for (const words of ['history', 'history purge', 'history purge confirm']) {
      expect(history).toContain(`\`${words}\``);
      expect(parseHistoryCommand(words)).toMatchObject({ ok: true });
    }
    expect(text.indexOf('Admins')).toBeLessThan(text.indexOf('Examples:'));
  });

  test('has at least six examples, each a command the parser accepts', () => {
    const examples = text
      .slice(text.indexOf('Examples:'))
      .split('\n')
      .filter((line) => line.startsWith('• `'))
      .map((line) => line.slice(3, -1));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const example of examples) {
      const result = parseCommand(example, context);
      expect(result.ok ? example : `${example}: ${result.error.message}`).toBe(example);
    }
  });

  test('every code span in the period and filter lists parses', () => {
    const lines = text.split('\n').filter((line) => line.startsWith('• '));
    const spans = lines.flatMap((line) => [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
    for (const span of spans) {
      const result = parseCommand(span, context);
      expect(result.ok ? span : `${span}: ${result.error.message}`).toBe(span);
    }
  });
});
