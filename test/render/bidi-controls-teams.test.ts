import { BIDI_CALL_HOUR, BIDI_CONTROLS, buildBidiCallRow, expectCleanNames } from '../helpers/bidi-call-row';
import { serveCallLogRows } from '../helpers/serve-call-log-rows';
import { buildPersonalMessage } from '../helpers/teams-activities';
import { cardOf } from '../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../helpers/teams-test-bed';

describe('bidi controls in PBX names, over Teams (real bot, demo PBX sending the row, fake Bot Connector)', () => {
  let bed: TeamsTestBed;
  beforeAll(async () => {
    bed = await startTeamsTestBed();
    serveCallLogRows(bed.pbx, [buildBidiCallRow()]);
  });
  afterAll(async () => {
    await bed?.close();
  });

  async function askCard(text: string): Promise<string> {
    const reply = await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text }));
    // The whole card: names sit in tables and lists as well as in top-level text blocks.
    return JSON.stringify(cardOf(reply.activity));
  }

  it('are gone from the card of a report; ZWJ/ZWNJ stay', async () => {
    expectCleanNames(await askCard(`calls list ${BIDI_CALL_HOUR}`));
  });

  it('are gone from the card of the rows preview', async () => {
    const card = await askCard(`calls rows ${BIDI_CALL_HOUR}`);
    expect(card).toContain('Jane Caller');
    expect(card).not.toMatch(BIDI_CONTROLS);
  });
});
