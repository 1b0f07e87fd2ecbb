import { parseCommand } from '../../src/commands/parse-command';
import { CommandError } from '../../src/core/errors';
import { ReportService } from '../../src/report/report-service';
import { createTestClient, DEMO_NOW, type DemoPbx, startTestPbx } from '../threecx/demo-helpers';

/** A request whose names were never looked up would be everyone's calls: the service refuses it. */

let pbx: DemoPbx;
beforeAll(async () => {
  pbx = await startTestPbx();
});
afterAll(async () => {
  await pbx.close();
});

it('refuses reports and rows for names not looked up, asking the PBX nothing', async () => {
  const parsed = parseCommand('calls for ben yesterday', { now: DEMO_NOW, timeZone: 'Europe/London' });
  if (!parsed.ok) throw parsed.error;
  expect(parsed.request.names).toEqual(['ben']);
  const client = createTestClient(pbx);
  const service = new ReportService({ source: client, serviceLevelSeconds: 20 });
  pbx.requests.length = 0;
  const refusal = new CommandError(
    '"ben" could not be looked up in the PBX directory here, so the report cannot be for them: name the extension instead.',
    'yesterday ext 101',
  );
  await expect(service.runReport(parsed.request)).rejects.toEqual(refusal);
  await expect(service.runRows({ ...parsed.request, view: 'rows' })).rejects.toEqual(refusal);
  expect(pbx.requests).toEqual([]);
  await client.close();
});
