import { renderSlack } from '../../src/render/render-slack';
import { renderText } from '../../src/render/render-text';
import { ReportService } from '../../src/report/report-service';
import { createDigestReportRunner } from '../../src/schedule/create-digest-report-runner';
import type { XapiClient } from '../../src/threecx/xapi-client';
import { buildSchedule } from '../schedule/schedule-helpers';
import { createTestClient, type DemoPbx, startTestPbx } from '../threecx/demo-helpers';

/** A digest renders through the same code as an answer: its assumptions are stated too. */

/** Wed 25 Nov 2026, 08:00 in Berlin. */
const OCCURRENCE = new Date('2026-11-25T07:00:00Z');

let pbx: DemoPbx;
let client: XapiClient;

beforeAll(async () => {
  pbx = await startTestPbx();
  client = createTestClient(pbx);
});

afterAll(async () => {
  await client.close();
  await pbx.close();
});

it('a digest of "friday" says how friday was read, under its window', async () => {
  const reports = new ReportService({ source: client, serviceLevelSeconds: 20 });
  const run = createDigestReportRunner({ reports, weekStart: 'monday', maxPeriodDays: 400 });
  const reply = await run(buildSchedule({ command: 'friday' }), OCCURRENCE);
  const assumed = 'Assumed: friday read as Fri 20 Nov 2026, the most recent one';
  expect(renderSlack(reply).blocks.slice(0, 2)).toEqual([
    { type: 'header', text: { type: 'plain_text', text: 'Fri 20 Nov 2026 (Europe/Berlin)', emoji: true } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: assumed }] },
  ]);
  expect(renderText(reply).split('\n').slice(0, 3)).toEqual([
    'Fri 20 Nov 2026 (Europe/Berlin)',
    assumed,
    'Scheduled digest abc123 · every day at 08:00',
  ]);
});
