import type { PlaygroundResult } from '../../src/playground/to-playground-result';
import { BIDI_CALL_HOUR, BIDI_CONTROLS, buildBidiCallRow, expectCleanNames } from '../helpers/bidi-call-row';
import { serveCallLogRows } from '../helpers/serve-call-log-rows';
import { type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

describe('bidi controls in PBX names, in the playground (real bot, a PBX sending the row)', () => {
  let bed: PlaygroundTestBed;
  let cookie = '';
  beforeAll(async () => {
    bed = await startPlaygroundTestBed({ realPbx: true });
    if (!bed.pbx || !bed.plan.serve || !bed.plan.token)
      throw new Error('expected a token-guarded playground');
    serveCallLogRows(bed.pbx, [buildBidiCallRow()]);
    const visit = await bed.send(`/?token=${encodeURIComponent(bed.plan.token.value)}`);
    cookie = (visit.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  });
  afterAll(async () => {
    await bed?.close();
  });

  async function command(text: string): Promise<PlaygroundResult> {
    const answered = await bed.send('/playground/api/command', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ text, timeZone: 'Europe/Berlin' }),
    });
    expect(answered.status).toBe(200);
    return JSON.parse(answered.body) as PlaygroundResult;
  }

  it('are gone from every pane of a report (Slack, Teams, text, JSON); ZWJ/ZWNJ stay', async () => {
    const result = await command(`list ${BIDI_CALL_HOUR}`);
    for (const pane of [result.slack, result.teams, result.text, result.reply])
      expectCleanNames(JSON.stringify(pane));
  });

  it('are gone from the rendered rows preview', async () => {
    const result = await command(`rows ${BIDI_CALL_HOUR}`);
    for (const pane of [result.slack, result.teams, result.text]) {
      expect(JSON.stringify(pane)).toContain('Jane Caller');
      expect(JSON.stringify(pane)).not.toMatch(BIDI_CONTROLS);
    }
  });
});
