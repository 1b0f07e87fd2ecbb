import { encodeActionValue } from '../../../src/chat/action-value';
import { buildButtonSubmit, buildPersonalMessage } from '../../helpers/teams-activities';
import { cardOf, submitAction, textsOf } from '../../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';

type Card = Record<string, unknown>;

let bed: TeamsTestBed;

beforeAll(async () => {
  // The bot's clock moves on with every read, as a real one does while a reply is built.
  bed = await startTeamsTestBed(undefined, { clockStepMs: 1 });
});

afterAll(async () => {
  await bed?.close();
});

async function ask(text: string): Promise<Card> {
  return cardOf((await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text }))).activity);
}

async function click(card: Card, id: string, value = submitAction(card, id).data.value): Promise<Card> {
  const data = { action: id, value };
  return cardOf((await bed.ask(buildButtonSubmit(bed.connector.serviceUrl, data))).activity);
}

/** The titles of the card's buttons, in order. */
function buttonTitles(card: Card): string[] {
  return ((card.actions ?? []) as { title: string }[]).map((action) => action.title);
}

describe('Teams: which buttons a report card offers, and what they answer', () => {
  it('`past 3 hours` offers Previous but no Next (that window would start now)', async () => {
    const card = await ask('past 3 hours');
    expect(textsOf(card)[0]).toBe('Sun 29 Nov 2026 08:00–11:00 (Europe/Berlin)');
    expect(buttonTitles(card)).toEqual(['Missed calls', 'By extension', '◀ Previous']);
    const previous = await click(card, 'previous');
    expect(textsOf(previous)[0]).toBe('Sun 29 Nov 2026 05:00–08:00 (Europe/Berlin)');
    expect(buttonTitles(previous)).toContain('Next ▶');
  });

  it('`yesterday` offers Next, which answers today so far; `today` offers no Next', async () => {
    const yesterday = await ask('yesterday');
    const next = await click(yesterday, 'next');
    const today = await ask('today');
    expect(textsOf(today)[0]).toBe('Sun 29 Nov 2026 00:00–11:00 (Europe/Berlin)');
    expect(textsOf(next)).toEqual(textsOf(today));
    expect(buttonTitles(today)).toEqual(['Missed calls', 'By extension', '◀ Previous']);
    expect(buttonTitles(next)).toEqual(buttonTitles(today));
  });

  it('`missed yesterday` offers Summary, not Missed calls; Summary answers `yesterday`', async () => {
    const missed = await ask('missed yesterday');
    expect(buttonTitles(missed)).toEqual(['Summary', 'By extension', '◀ Previous', 'Next ▶']);
    const summary = await click(missed, 'summary');
    const yesterday = await ask('yesterday');
    expect(summary.body).toEqual(yesterday.body);
    expect(buttonTitles(summary)).toEqual(['Missed calls', 'By extension', '◀ Previous', 'Next ▶']);
    // and Missed calls leads to a card that offers Summary again
    expect(buttonTitles(await click(summary, 'missed'))[0]).toBe('Summary');
  });

  it('refuses a forged Next into the future without asking the PBX', async () => {
    const before = bed.pbx.requests.length;
    const value = encodeActionValue({
      command: 'summary from=2026-11-30T00:00:00.000+01:00 to=2026-12-01T00:00:00.000+01:00',
      focus: 'summary',
    });
    const card = await click({}, 'next', value);
    // (Teams markdown escapes the parentheses; Teams shows them plain.)
    expect(textsOf(card)[0]).toBe(
      '⚠️ That button asks for a period starting Mon 30 Nov 2026 00:00, which has not begun: it is now Sun 29 Nov 2026 11:00 \\(Europe/Berlin\\). Nothing was looked up.',
    );
    expect(bed.pbx.requests.length).toBe(before);
  });
});
