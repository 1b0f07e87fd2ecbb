import { encodeActionValue } from '../../../src/chat/action-value';
import { buildButtonSubmit, buildPersonalMessage } from '../../helpers/teams-activities';
import { cardOf, textsOf } from '../../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';

type Card = Record<string, unknown>;

let bed: TeamsTestBed;

beforeAll(async () => {
  bed = await startTeamsTestBed();
});
afterAll(async () => {
  await bed?.close();
});

describe('Teams offers no file exports (Teams replies carry no files)', () => {
  it('shows no Export CSV or Export XLSX button under a report', async () => {
    const activity = (
      await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text: 'last week ext 101' }))
    ).activity;
    const actions = (cardOf(activity).actions ?? []) as { title: string; data: { action: string } }[];
    expect(actions.map((action) => action.data.action)).toEqual([
      'missed',
      'by-extension',
      'previous',
      'next',
    ]);
  });

  it('refuses a forged export click without asking the PBX, and sends no file', async () => {
    for (const action of ['export-csv', 'export-xlsx']) {
      const before = bed.pbx.requests.length;
      const value = encodeActionValue({ command: 'list last week ext 101', focus: 'summary' });
      const { activity } = await bed.ask(buildButtonSubmit(bed.connector.serviceUrl, { action, value }));
      const card: Card = cardOf(activity);
      expect(textsOf(card)[0]).toContain('Exports are not offered here: this chat cannot send you files.');
      expect(bed.pbx.requests.length).toBe(before);
    }
  });
});
