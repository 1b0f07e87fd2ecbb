import type { RawCallLogRow } from '../../src/core/call-log-source';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { buildFullRow, buildFullRowMasked, CALLER_NUMBER } from '../helpers/full-call-log-row';
import { runCliInProcess, runCliJson } from '../helpers/run-cli-in-process';
import { startPbxServingRows } from '../helpers/serve-call-log-rows';

const NOW = new Date('2026-11-29T10:00:00Z');
const ZONE = 'Europe/Berlin';
const MASKED = { PRIVACY_MASK_NUMBERS: 'true' };
/** Fri 27 Nov 2026 in Berlin, as UTC instants. */
const NOV_27 = { from: new Date('2026-11-26T23:00:00Z'), to: new Date('2026-11-27T23:00:00Z') };
/** The hour of the full row (10:02 in Berlin). */
const FULL_ROW_HOUR = ['from=2026-11-27T10:00', 'to=2026-11-27T11:00'];

/** The allow-list, written out here so that the test does not read it from the code under test. */
const PASS_FIELDS = new Set([
  ...['MainCallHistoryId', 'CallHistoryId', 'CdrId', 'CallId', 'Indent', 'SegmentId', 'SubrowDescNumber'],
  ...['StartTime', 'SourceType', 'DestinationType', 'ActionType', 'ActionDnType'],
  ...['SourceDn', 'DestinationDn', 'actionDnDn', 'RingingDuration', 'TalkingDuration', 'CallCost'],
  ...['Answered', 'Direction', 'CallType', 'Status', 'SrcRecId', 'DstRecId', 'QualityReport'],
]);
const MASK_FIELDS = new Set([
  ...['SourceCallerId', 'SourceDisplayName', 'DestinationCallerId', 'DestinationDisplayName'],
  ...['ActionDnCallerId', 'ActionDnDisplayName', 'Reason', 'RecordingUrl'],
]);

async function rowsJson(words: string[], pbx: DemoPbx, env: Record<string, string> = {}) {
  return (await runCliJson(['rows', ...words], ZONE, { pbx, now: NOW, env })) as RawCallLogRow[];
}

/** Whether `text` holds a run of 7 digits once the separators a number may be written with are gone. */
function holdsSevenDigits(text: string): boolean {
  return /\d{7}/.test(text.replace(/[\s()./-]/g, ''));
}

/** The outside numbers among the rows' caller ids. */
function externalNumbersOf(rows: RawCallLogRow[]): Set<string> {
  const ids = rows.flatMap((row) => [row.SourceCallerId, row.DestinationCallerId]);
  return new Set(ids.filter((id): id is string => typeof id === 'string' && id.startsWith('+')));
}

describe('the rows view with PRIVACY_MASK_NUMBERS=true, over the demo PBX', () => {
  let pbx: DemoPbx;
  beforeAll(async () => {
    pbx = await startDemoPbx({ seed: 42, now: NOW });
  });
  afterAll(async () => {
    await pbx.close();
  });

  it('masks every external number in every field (reasons and recording file names too) and keeps the pass fields', async () => {
    const plain = await rowsJson(['nov', '27'], pbx);
    const sent = JSON.parse(JSON.stringify(pbx.rowsBetween(NOV_27.from, new Date(NOV_27.to.getTime() - 1))));
    expect(plain).toEqual(sent);
    const externals = externalNumbersOf(plain);
    expect(externals.size).toBeGreaterThan(20);
    const recordings = plain.filter((row) => String(row.RecordingUrl ?? '').includes('_+'));
    expect(recordings.length).toBeGreaterThan(5);
    expect(plain.some((row) => /Ended by \+\d{7}/.test(String(row.Reason ?? '')))).toBe(true);

    const masked = await rowsJson(['nov', '27'], pbx, MASKED);
    expect(masked).toHaveLength(plain.length);
    const maskedJson = JSON.stringify(masked);
    for (const number of externals) expect(maskedJson).not.toContain(number.slice(3));
    masked.forEach((row, index) => {
      const original = plain[index]!;
      const shown = Object.keys(original).filter((field) => PASS_FIELDS.has(field) || MASK_FIELDS.has(field));
      expect(Object.keys(row)).toEqual(shown);
      for (const [field, value] of Object.entries(row)) {
        if (PASS_FIELDS.has(field)) expect([field, value]).toEqual([field, original[field]]);
        else expect([field, holdsSevenDigits(String(value))]).toEqual([field, false]);
      }
    });
    const recorded = masked.find((row) => row.CdrId === recordings[0]?.CdrId);
    expect(recorded?.RecordingUrl).toMatch(
      /^\d{3}\/\[[^\]]+\]_\+\d{1,3} \d\d•• •+\d{4}_\d\d•• •+\d{4}\)\.wav$/,
    );
  });

  it("masks the terminal's preview of the rows too", async () => {
    const words = [
      'rows',
      'nov',
      '27',
      'select=Reason,RecordingUrl',
      '--tz',
      ZONE,
      '--now',
      NOW.toISOString(),
    ];
    const plain = await runCliInProcess(words, { pbx, now: NOW });
    const externals = [...externalNumbersOf(await rowsJson(['nov', '27'], pbx))];
    expect(externals.some((number) => plain.stdout.includes(number))).toBe(true);
    const masked = await runCliInProcess(words, { pbx, now: NOW, env: MASKED });
    expect(masked.code).toBe(0);
    expect(masked.stdout).toMatch(/Ended by \+\d{1,3} \d\d•• •+\d{4}/);
    for (const number of externals) expect(masked.stdout).not.toContain(number.slice(3));
  });
});

describe('the rows view of a PBX that sends every field, the AI ones and unknown ones too', () => {
  let pbx: DemoPbx;
  beforeAll(async () => {
    pbx = await startPbxServingRows(NOW, [buildFullRow()]);
  });
  afterAll(async () => {
    await pbx.close();
  });

  it('without masking, is exactly what the PBX sent', async () => {
    expect(await rowsJson(FULL_ROW_HOUR, pbx)).toEqual([buildFullRow()]);
  });

  it('with masking, shows the allow-list: pass fields as sent, numbers masked, Recordings/Summary/Transcription/SentimentScore and unknown fields dropped', async () => {
    const [row, ...rest] = await rowsJson(FULL_ROW_HOUR, pbx, MASKED);
    expect(rest).toEqual([]);
    expect(row).toEqual(buildFullRowMasked());
    for (const dropped of [
      'Recordings',
      'Summary',
      'Transcription',
      'SentimentScore',
      'CallerNumber',
      'Tags',
      'Notes@odata.type',
    ])
      expect(row).not.toHaveProperty([dropped]);
    expect(JSON.stringify(row)).not.toContain(CALLER_NUMBER.slice(3));
    expect(JSON.stringify(row)).not.toContain('7700900123');
  });
});
