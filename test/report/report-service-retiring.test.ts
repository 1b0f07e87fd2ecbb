import { parseCommand } from '../../src/commands/parse-command';
import type { CallLogSource } from '../../src/core/call-log-source';
import { ReportService } from '../../src/report/report-service';
import type { XapiClient } from '../../src/threecx/xapi-client';
import { createTestClient, DEMO_NOW, type DemoPbx, useTestPbx } from '../threecx/demo-helpers';

let pbx: DemoPbx;
useTestPbx((started) => {
  pbx = started;
});

/** The client without its order promise: the report then keeps every call until the end. */
function withoutOrder(client: XapiClient): CallLogSource {
  return {
    streamRows: (query) => client.streamRows(query),
    streamLegs: (query) => client.streamLegs(query),
    countRows: (query) => client.countRows(query),
    getDirectory: () => client.getDirectory(),
    checkConnection: () => client.checkConnection(),
  };
}

describe('ReportService over the 3CX client: calls retired as the windows arrive', () => {
  it.each(['last 60 days', 'list last 60 days missed'])(
    '"%s" equals the report that keeps every call to the end',
    async (command) => {
      const parsed = parseCommand(command, { now: DEMO_NOW, timeZone: 'Europe/Berlin' });
      if (!parsed.ok) throw parsed.error;
      const client = createTestClient(pbx, { cache: false });
      expect(client.legDisorderMs).toBe(86_400_000);
      const retiring = await new ReportService({ source: client, serviceLevelSeconds: 20 }).runReport(
        parsed.request,
      );
      const keeping = await new ReportService({
        source: withoutOrder(client),
        serviceLevelSeconds: 20,
      }).runReport(parsed.request);
      // Enough calls that retiring ran many times (every 4,096 legs).
      expect(keeping.totals.calls).toBeGreaterThan(1000);
      expect(keeping.missedCalls.length).toBeGreaterThan(100);
      expect(retiring).toEqual(keeping);
      await client.close();
    },
  );
});
