import { buildPersonalMessage } from '../../helpers/teams-activities';
import { cardOf, factSetsOf, textsOf } from '../../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';
import { buildUnreturnedRows, EXPECTED_UNRETURNED } from '../../helpers/unreturned-rows';

let bed: TeamsTestBed;

beforeAll(async () => {
  bed = await startTeamsTestBed();
  bed.pbx.serveRows(buildUnreturnedRows());
});

afterAll(async () => {
  await bed?.close();
});

describe('unreturned in Teams (real bot, TEAMS_DEV_NO_AUTH, demo PBX serving a day of call-backs)', () => {
  it('answers with a card: each state titled, its calls as facts with Markdown tel: links', async () => {
    const reply = await bed.ask(
      buildPersonalMessage(bed.connector.serviceUrl, { text: 'calls unreturned yesterday' }),
    );
    expect(reply.activity.summary).toBe(
      'Sat 28 Nov 2026 (Europe/Berlin): 2 waiting for a call back (1 open, 1 tried), 2 returned, 1 anonymous',
    );
    const card = cardOf(reply.activity);
    const texts = textsOf(card);
    expect(texts.slice(0, 1)).toEqual(['Sat 28 Nov 2026 (Europe/Berlin)']);
    expect(
      texts.filter((text) => /^(Missed calls and call-backs|Open|Tried|Returned|Anonymous) \(/.test(text)),
    ).toEqual(['Missed calls and call-backs (5)', 'Open (1)', 'Tried (1)', 'Returned (2)', 'Anonymous (1)']);
    const listed = factSetsOf(card)
      .flat()
      .filter((fact) => fact.value.includes(' → '));
    expect(listed).toEqual([
      { title: 'Sat 28 Nov 16:00', value: '[+447700900123](tel:+447700900123) → 800 Sales · open' },
      { title: 'Sat 28 Nov 11:00', value: '[+15551234567](tel:+15551234567) → 101 Ben Okafor · tried 1×' },
      {
        title: 'Sat 28 Nov 09:00',
        value:
          'Jane Caller ([+44 20 7946 0123](tel:+442079460123)) → 102 Chloé Durand · ✓ returned by Ben Okafor 12 min later',
      },
      {
        title: 'Sat 28 Nov 14:00',
        value:
          'Acme GmbH ([+49 30 1234567](tel:+49301234567)) → 103 Daniel Whitfield · ✓ returned by Chloé Durand 18 h 30 min later',
      },
      { title: 'Sat 28 Nov 15:00', value: 'Anonymous (anonymous) → 8000 Main Menu · anonymous' },
    ]);
    // The same list the CLI prints as JSON.
    const cli = await bed.runCliJson(['unreturned', 'yesterday'], 'Europe/Berlin');
    expect(cli.unreturned).toEqual(EXPECTED_UNRETURNED);
  });

  it('explains the words as the unreturned view', async () => {
    const reply = await bed.ask(
      buildPersonalMessage(bed.connector.serviceUrl, {
        text: 'explain unreturned yesterday queue 800',
      }),
    );
    const texts = JSON.stringify(cardOf(reply.activity));
    expect(texts).toContain('the missed calls of the period, each with its call-back state');
  });
});
