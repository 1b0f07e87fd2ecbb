import type { UnreturnedCall } from '../../src/core/callbacks';
import type { ReportReply } from '../../src/core/reply';
import type { AdaptiveCard, CardElement } from '../../src/render/adaptive-card';
import { measureCardBytes, TEAMS_CARD_MAX_BYTES } from '../../src/render/adaptive-card';
import { describeNoMisses, formatReturnDelay } from '../../src/render/describe-unreturned';
import { renderSlack } from '../../src/render/render-slack';
import { renderTeams } from '../../src/render/render-teams';
import { renderText } from '../../src/render/render-text';
import { buildReport, buildReportReply } from './fixtures/build-reply';
import { expectWithinSlackLimits, sectionTexts } from './fixtures/expect-slack-limits';

function entry(overrides: Partial<UnreturnedCall>): UnreturnedCall {
  return {
    start: '2026-11-20T09:14:00.000+01:00',
    from: '+442079460123',
    fromName: 'Jane Caller',
    to: '800',
    toName: 'Sales',
    state: 'open',
    attempts: 0,
    returnedBy: null,
    returnedAt: null,
    returnedAfterSeconds: null,
    ...overrides,
  };
}

const LIST: UnreturnedCall[] = [
  entry({}),
  entry({
    start: '2026-11-20T10:02:00.000+01:00',
    from: '+15551234567',
    fromName: '',
    to: '101',
    toName: 'Ben Okafor',
    state: 'tried',
    attempts: 2,
  }),
  entry({
    start: '2026-11-20T08:30:00.000+01:00',
    from: '020 7946 0999',
    fromName: 'Acme <Ltd> [x](y)',
    state: 'returned',
    attempts: 1,
    returnedBy: { extension: '101', name: 'Ben Okafor' },
    returnedAt: '2026-11-20T08:42:10.000+01:00',
    returnedAfterSeconds: 730,
  }),
  entry({
    start: '2026-11-20T11:00:00.000+01:00',
    from: 'anonymous',
    fromName: 'Anonymous',
    state: 'anonymous',
  }),
];

function unreturnedReply(list: UnreturnedCall[], overrides: Partial<ReportReply> = {}): ReportReply {
  return buildReportReply({ view: 'unreturned', report: buildReport({ unreturned: list }), ...overrides });
}

describe('renderSlack: unreturned', () => {
  const message = renderSlack(unreturnedReply(LIST));
  const text = sectionTexts(message).join('\n');

  it('lists the calls grouped by state, each with when, who (a tel: link), where it ended and its state', () => {
    expect(text).toContain(
      [
        '*Missed calls and call-backs (4)*',
        '*Open (1)*',
        '• *Fri 20 Nov 09:14* · Jane Caller (<tel:+442079460123|+442079460123>) → 800 Sales · open',
        '*Tried (1)*',
        '• *Fri 20 Nov 10:02* · <tel:+15551234567|+15551234567> → 101 Ben Okafor · tried 2×',
        '*Returned (1)*',
        '• *Fri 20 Nov 08:30* · Acme &lt;Ltd&gt; [x](y) (<tel:02079460999|020 7946 0999>) → 800 Sales · ✓ returned by Ben Okafor 12 min later',
        '*Anonymous (1)*',
        '• *Fri 20 Nov 11:00* · Anonymous (anonymous) → 800 Sales · anonymous',
      ].join('\n'),
    );
    expect(message.text).toBe(
      'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin): 2 waiting for a call back (1 open, 1 tried), 1 returned, 1 anonymous',
    );
  });

  it('shows the list before the figures, and no missed-calls list', () => {
    expect(text.indexOf('Missed calls and call-backs')).toBeLessThan(text.indexOf('*Calls*'));
    expect(text).not.toContain('*Missed calls (');
  });

  it('links no masked number', () => {
    const masked = renderSlack(unreturnedReply([entry({ from: '+44 20•• ••0123' })]));
    const line = sectionTexts(masked).join('\n');
    expect(line).toContain('Jane Caller (+44 20•• ••0123) → 800 Sales · open');
    expect(line).not.toContain('tel:');
  });

  it('cuts a long list with "and N more", within every Block Kit limit', () => {
    const long = Array.from({ length: 300 }, (_, index) =>
      entry({
        fromName: `Caller ${index} ${'x'.repeat(50)}`,
        from: `+4420794${String(index).padStart(5, '0')}`,
      }),
    );
    const cut = renderSlack(unreturnedReply(long));
    expectWithinSlackLimits(cut);
    const all = sectionTexts(cut).join('\n');
    const shown = all.split('\n').filter((line) => line.startsWith('• *')).length;
    expect(shown).toBeGreaterThan(10);
    expect(all).toContain(`…and ${300 - shown} more (Export CSV for all)`);
  });

  it('says nobody is waiting when there is no missed call', () => {
    const today = renderSlack(
      unreturnedReply([], {
        report: buildReport({
          unreturned: [],
          window: {
            from: '2026-11-20T00:00:00.000+01:00',
            to: '2026-11-20T17:00:00.000+01:00',
            timeZone: 'Europe/Berlin',
          },
        }),
      }),
    );
    expect(sectionTexts(today).join('\n')).toContain(
      '*Missed calls and call-backs*\nNo missed calls today — nobody is waiting.',
    );
  });
});

describe('renderTeams: unreturned', () => {
  const card = renderTeams(unreturnedReply(LIST));
  const facts = (found: AdaptiveCard) =>
    found.body
      .filter((element): element is CardElement & { type: 'FactSet' } => element.type === 'FactSet')
      .flatMap((element) => (element as { facts: Array<{ title: string; value: string }> }).facts);

  it('shows each state as a title and its calls as facts, numbers as Markdown tel: links, PBX text escaped', () => {
    const texts = card.body.map((element) => ('text' in element ? element.text : ''));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Missed calls and call-backs (4)',
        'Open (1)',
        'Tried (1)',
        'Returned (1)',
        'Anonymous (1)',
      ]),
    );
    expect(facts(card)).toEqual(
      expect.arrayContaining([
        {
          title: 'Fri 20 Nov 09:14',
          value: 'Jane Caller ([+442079460123](tel:+442079460123)) → 800 Sales · open',
        },
        {
          title: 'Fri 20 Nov 08:30',
          value:
            'Acme ‹Ltd› \\[x\\]\\(y\\) ([020 7946 0999](tel:02079460999)) → 800 Sales · ✓ returned by Ben Okafor 12 min later',
        },
      ]),
    );
  });

  it('stays within the card size with a long list, ending with "and N more"', () => {
    const long = Array.from({ length: 400 }, (_, index) =>
      entry({ from: `+4420794${String(index).padStart(5, '0')}` }),
    );
    const big = renderTeams(unreturnedReply(long));
    expect(measureCardBytes(big)).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    const shown = facts(big).filter((fact) => fact.value.includes(' → ')).length;
    expect(shown).toBeGreaterThan(0);
    expect(JSON.stringify(big.body)).toContain(`…and ${400 - shown} more`);
  });
});

describe('renderText: unreturned', () => {
  it('prints every call in aligned tables per state, without links', () => {
    const text = renderText(unreturnedReply(LIST));
    expect(text).toContain(
      [
        'Missed calls and call-backs (4)',
        '',
        'Open (1)',
        'When              Caller                       Ended at   State',
        'Fri 20 Nov 09:14  Jane Caller (+442079460123)  800 Sales  open',
      ].join('\n'),
    );
    expect(text).toContain('✓ returned by Ben Okafor 12 min later');
    expect(text).toContain('tried 2×');
    expect(text).not.toContain('tel:');
  });

  it('says nobody is waiting on an empty day', () => {
    const report = buildReport({
      unreturned: [],
      window: {
        from: '2026-11-19T00:00:00.000+01:00',
        to: '2026-11-20T00:00:00.000+01:00',
        timeZone: 'Europe/Berlin',
      },
    });
    expect(renderText(unreturnedReply([], { report }))).toContain(
      'No missed calls on Thu 19 Nov — nobody is waiting.',
    );
  });
});

describe('describeNoMisses and formatReturnDelay', () => {
  it.each([
    [
      '2026-11-20T00:00:00.000+01:00',
      '2026-11-20T10:00:00.000+01:00',
      'No missed calls today — nobody is waiting.',
    ],
    [
      '2026-11-19T00:00:00.000+01:00',
      '2026-11-20T00:00:00.000+01:00',
      'No missed calls on Thu 19 Nov — nobody is waiting.',
    ],
    [
      '2026-11-16T00:00:00.000+01:00',
      '2026-11-23T00:00:00.000+01:00',
      'No missed calls in this window — nobody is waiting.',
    ],
    [
      '2026-11-20T07:00:00.000+01:00',
      '2026-11-20T10:00:00.000+01:00',
      'No missed calls in this window — nobody is waiting.',
    ],
  ])('%s – %s: %s', (from, to, text) => {
    expect(describeNoMisses({ window: { from, to, timeZone: 'Europe/Berlin' } })).toBe(text);
  });

  it.each([
    [45, '45 s'],
    [89, '1 min'],
    [90, '2 min'],
    [730, '12 min'],
    [3570, '1 h'],
    [7500, '2 h 5 min'],
    [26 * 3600, '26 h'],
    [3 * 86400 + 600, '3 days'],
  ])('%d s later reads "%s"', (seconds, text) => {
    expect(formatReturnDelay(seconds)).toBe(text);
  });
});
