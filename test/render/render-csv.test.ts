import type { DemoPbx } from '../../src/demo/demo-pbx';
import { tabulateCallsForExport } from '../../src/render/export-table';
import { renderCsv } from '../../src/render/render-csv';
import { BIDI_CONTROLS, SHOWN_CALLER_NAME } from '../helpers/bidi-call-row';
import { buildExportCallRows, EXPORT_CALLS_HOUR } from '../helpers/export-call-rows';
import { runCliInProcess } from '../helpers/run-cli-in-process';
import { startPbxServingRows } from '../helpers/serve-call-log-rows';
import { buildReport } from './fixtures/build-reply';

const NOW = new Date('2026-11-29T10:00:00Z');
const HEADER =
  'start,date,time,direction,from,from name,to,to name,answered,talk,talk seconds,wait,wait seconds';

let pbx: DemoPbx;
beforeAll(async () => {
  pbx = await startPbxServingRows(NOW, buildExportCallRows());
});
afterAll(async () => {
  await pbx.close();
});

/** `calls list <window> --format csv --tz <zone>`: the bytes on stdout. */
async function exportCsv(window: string[], timeZone: string, env: Record<string, string> = {}) {
  const run = await runCliInProcess(
    ['list', ...window, '--format', 'csv', '--tz', timeZone, '--now', NOW.toISOString()],
    { pbx, now: NOW, env },
  );
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return run.stdoutBytes;
}

describe('the CSV export (through the terminal, from a PBX sending two known calls)', () => {
  it('starts with the UTF-8 byte-order mark, so Excel reads "Chloé" as written', async () => {
    const bytes = await exportCsv(EXPORT_CALLS_HOUR, 'Europe/Berlin');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toContain('Chloé Dupont');
    expect(bytes.subarray(3).toString('utf8')).not.toContain('\uFEFF');
  });

  it('has exactly the columns of the contract and the calls in the report zone, newest first', async () => {
    const text = (await exportCsv(EXPORT_CALLS_HOUR, 'Europe/Berlin')).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      `\uFEFF${HEADER}`,
      `2026-11-27T10:15:00.000+01:00,2026-11-27,10:15:00,inbound,'+442071234567,${SHOWN_CALLER_NAME},101,Ben Okafor,no,0:00:00,0,0:00:18,18`,
      '2026-11-27T10:02:39.000+01:00,2026-11-27,10:02:39,inbound,02071234567,Chloé Dupont,101,Ben Okafor,yes,1:02:03,3723,0:00:06,6',
      '',
    ]);
    expect(text).not.toMatch(BIDI_CONTROLS);
  });

  it("dates and times the calls in the report's zone, not UTC: 09:15 UTC is the evening before in Pago Pago", async () => {
    const text = (await exportCsv(['from=2026-11-26T22:00', 'to=2026-11-26T23:00'], 'Pacific/Pago_Pago'))
      .toString('utf8')
      .split('\r\n');
    expect(text[1]).toMatch(/^2026-11-26T22:15:00\.000-11:00,2026-11-26,22:15:00,inbound,'\+442071234567,/);
    expect(text[2]).toMatch(/^2026-11-26T22:02:39\.000-11:00,2026-11-26,22:02:39,inbound,02071234567,/);
  });

  it('masks external numbers with PRIVACY_MASK_NUMBERS, in numbers and names', async () => {
    const text = (await exportCsv(EXPORT_CALLS_HOUR, 'Europe/Berlin', { PRIVACY_MASK_NUMBERS: 'true' }))
      .toString('utf8')
      .split('\r\n');
    expect(text[1]).toContain(",'+44 20•• ••4567,");
    expect(text[2]).toContain(',02•• •••4567,Chloé Dupont,101,');
    expect(text.join('\n')).not.toMatch(/2071234567|7123/);
  });
});

describe('renderCsv', () => {
  it('quotes cells holding commas, quotes or line breaks, and escapes formula-like ones', () => {
    const report = buildReport();
    report.calls = [
      {
        start: '2026-11-20T14:03:11.000+01:00',
        direction: 'outbound',
        from: '101',
        fromName: 'Ben "the boss", Okafor',
        to: '=HYPERLINK("x")',
        toName: 'two\nlines',
        answered: true,
        talkSeconds: 93_784,
        waitSeconds: 0,
      },
    ];
    expect(renderCsv(tabulateCallsForExport(report)).split('\r\n')[1]).toBe(
      '2026-11-20T14:03:11.000+01:00,2026-11-20,14:03:11,outbound,101,"Ben ""the boss"", Okafor","\'=HYPERLINK(""x"")","two\nlines",yes,26:03:04,93784,0:00:00,0',
    );
  });
});
