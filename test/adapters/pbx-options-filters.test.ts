import { DateTime } from 'luxon';
import type { Report } from '../../src/core/report';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { formatCount } from '../../src/render/format-number';
import { expectedCountChange, expectedFocusSummary, expectedKeyFigures } from '../helpers/expected-summaries';
import { runCliInProcess, runCliReport } from '../helpers/run-cli-in-process';
import { blockTexts, type SlackBotHarness, startSlackBotHarness } from '../helpers/slack-bot-harness';
import { buildPersonalMessage } from '../helpers/teams-activities';
import { cardOf, keyFiguresOf, textsOf } from '../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../helpers/teams-test-bed';

/**
 * 3CX report options through the real paths (the CLI, the Slack and Teams bots against the demo
 * PBX): they are on every rendering's "Filters" line, and time-filter=1 with time-from/time-to
 * narrows the report to calls starting in those hours of the demo company's day.
 */
const NOW = new Date('2026-11-29T10:00:00Z');
/** The demo company's zone (the demo PBX's default), also the report's, so local times compare. */
const ZONE = 'Europe/London';
const OFFICE_HOURS = ['time-filter=1', 'time-from=9:00:00', 'time-to=17:00:00'];

/** Seconds after local midnight of a report time (ISO with the report zone's offset). */
function localSecond(iso: string): number {
  const local = DateTime.fromISO(iso, { zone: ZONE });
  return local.hour * 3600 + local.minute * 60 + local.second;
}

describe('3CX options in the CLI against the demo PBX', () => {
  let pbx: DemoPbx;

  beforeAll(async () => {
    pbx = await startDemoPbx({ seed: 42, now: NOW });
  });

  afterAll(async () => {
    await pbx?.close();
  });

  const report = (words: string[]) => runCliReport(words, ZONE, { pbx, now: NOW });
  const text = async (words: string[]) => {
    const run = await runCliInProcess([...words, '--tz', ZONE, '--now', NOW.toISOString()], {
      pbx,
      now: NOW,
    });
    return { ...run, lines: run.stdout.split('\n') };
  };

  it('time-filter=1 time-from=9:00:00 time-to=17:00:00 keeps exactly the calls starting 9:00–17:00 local', async () => {
    const all = await report(['list', 'last', 'week']);
    const office = await report(['list', 'last', 'week', ...OFFICE_HOURS]);
    const inHours = (call: { start: string }) => {
      const second = localSecond(call.start);
      return second >= 9 * 3600 && second < 17 * 3600;
    };
    const calls = office.calls!;
    expect(calls.length).toBe(office.totals.calls);
    expect(calls.every(inHours)).toBe(true);
    // Fewer calls than without the options, and exactly the office-hours ones among those.
    expect(all.totals.calls - office.totals.calls).toBeGreaterThan(20);
    expect(office.totals.calls).toBeGreaterThan(all.totals.calls / 2);
    expect(calls).toEqual(all.calls!.filter(inHours));
    expect(office.filters.pbxOptions).toEqual(OFFICE_HOURS);
    expect(all.filters).not.toHaveProperty('pbxOptions');
  });

  it('prints every option that differs from the default on the Filters line', async () => {
    const office = await text(['last', 'week', ...OFFICE_HOURS]);
    expect(office.code).toBe(0);
    expect(office.lines.slice(0, 2)).toEqual([
      'Mon 16 – Sun 22 Nov 2026 (Europe/London)',
      'Filters: 3CX: time-filter=1 time-from=9:00:00 time-to=17:00:00',
    ]);
    const others = await text([
      'yesterday',
      'ext',
      '101',
      'inbound',
      'pcalls=show',
      'calls-type=2',
      'source=+44 20',
    ]);
    expect(others.code).toBe(0);
    expect(others.lines[1]).toBe(
      'Filters: ext 101 · inbound · 3CX: source="+44 20" calls-type=2 pcalls=show',
    );
    const plain = await text(['yesterday', 'ext', '101']);
    expect(plain.lines[1]).toBe('Filters: ext 101');
    const json = await report(['yesterday', 'pcalls=show', 'calls-type=2']);
    expect(json.filters.pbxOptions).toEqual(['calls-type=2', 'pcalls=show']);
  });

  it('refuses time-from/time-to without time-filter, saying what to add (exit code 2)', async () => {
    const run = await text(['last', 'week', 'time-from=9:00:00', 'time-to=17:00:00']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      '"time-from=9:00:00" and "time-to=17:00:00" do nothing without time-filter=: add time-filter=1, e.g. "time-filter=1 time-from=9:00:00 time-to=17:00:00"',
    );
    expect(run.stderr).toContain('last week time-filter=1 time-from=9:00:00 time-to=17:00:00');
  });
});

describe('3CX options in Slack (the real bot, demo PBX, fake Slack API)', () => {
  let harness: SlackBotHarness;

  beforeAll(async () => {
    harness = await startSlackBotHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows the options on the Filters line of the reply, and the figures of the filtered report', async () => {
    const command = `last week ext 101 ${OFFICE_HOURS.join(' ')} pcalls=show`;
    const sent = await harness.sendCommand(command);
    const { answer } = await harness.waitForAnswer(sent.responseId);
    const texts = blockTexts(answer);
    expect(texts).toContain(
      'Filters: ext 101 · 3CX: time-filter=1 time-from=9:00:00 time-to=17:00:00 pcalls=show',
    );
    const cli = await runCliReport(command.split(' '), 'Europe/Berlin', { pbx: harness.pbx, now: NOW });
    const all = await runCliReport(['last', 'week', 'ext', '101'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: NOW,
    });
    expect(cli.totals.calls).toBeLessThan(all.totals.calls);
    expect(String(answer.text)).toContain(`${formatCount(cli.totals.calls)} calls`);
    expect(answer.text).toBe(`Mon 16 – Sun 22 Nov 2026 (Europe/Berlin): ${expectedFocusSummary(cli)}`);
  });

  it('answers time-from without time-filter with the error that says to add it', async () => {
    const sent = await harness.sendCommand('yesterday time-from=8:00');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(JSON.stringify(answer)).toContain('does nothing without time-filter=: add time-filter=1');
  });
});

describe('3CX options in Teams (the real bot, demo PBX, fake Bot Connector)', () => {
  let bed: TeamsTestBed;

  beforeAll(async () => {
    bed = await startTeamsTestBed();
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('shows the options on the card’s Filters line, with the filtered figures', async () => {
    const words = ['last', 'week', 'missed', 'calls-type=2', ...OFFICE_HOURS];
    const reply = await bed.ask(
      buildPersonalMessage(bed.connector.serviceUrl, { text: `calls ${words.join(' ')}` }),
    );
    const card = cardOf(reply.activity);
    expect(textsOf(card)).toContain(
      'Filters: missed · 3CX: calls-type=2 time-filter=1 time-from=9:00:00 time-to=17:00:00',
    );
    const cli: Report = await bed.runCliJson(words, 'Europe/Berlin');
    expect(cli.totals.calls).toBeGreaterThan(0);
    expect(keyFiguresOf(card)).toEqual(
      Object.fromEntries(expectedKeyFigures(cli).map((figure) => [figure.label, figure.value])),
    );
    expect(keyFiguresOf(card).Calls).toBe(
      `${formatCount(cli.totals.calls)} ${expectedCountChange(cli.totals.calls, cli.previous!.totals.calls, 'neither')}`,
    );
    // The week before is counted with the same filters and options.
    const weekBefore: Report = await bed.runCliJson(
      ['nov', '9', '-', 'nov', '15', ...words.slice(2)],
      'Europe/Berlin',
    );
    expect(weekBefore.filters).toEqual(cli.filters);
    expect(cli.previous).toEqual({ window: weekBefore.window, totals: weekBefore.totals });
  });
});
