import { BIDI_CONTROLS, SHOWN_CALLER_NAME } from '../../helpers/bidi-call-row';
import { buildExportCallRows, EXPORT_CALLS_HOUR } from '../../helpers/export-call-rows';
import type { UploadedFile } from '../../helpers/fake-slack-api';
import { readXlsx, secondsOfTimeValue } from '../../helpers/read-xlsx';
import { runCliReport } from '../../helpers/run-cli-in-process';
import { serveCallLogRows } from '../../helpers/serve-call-log-rows';
import {
  buttonOf,
  findButtons,
  listUnscopedMethods,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../../helpers/slack-request';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HOUR = 'Fri 27 Nov 2026 10:00–11:00 (Europe/Berlin)';
const USER_DM = `D${SLACK_TEST_IDS.userId}`;

/** The bot over Slack with a PBX sending the two export calls; `env` adds to its environment. */
function exportsOver(env: Record<string, string> = {}) {
  const state = { clicks: 0 } as { harness: SlackBotHarness; clicks: number };
  beforeAll(async () => {
    state.harness = await startSlackBotHarness({ env });
    serveCallLogRows(state.harness.pbx, buildExportCallRows());
  });
  afterAll(async () => {
    expect(listUnscopedMethods(state.harness.slack)).toEqual([]);
    await state.harness.close();
  });

  const ask = async (text: string) => {
    const sent = await state.harness.sendCommand(text);
    return (await state.harness.waitForAnswer(sent.responseId)).answer;
  };
  /** Clicks `actionId` on `message` (a private report) and returns the answer. */
  const navigate = async (message: Record<string, unknown>, actionId: string) => {
    state.clicks += 1;
    const responseId = `export-${state.clicks}`;
    const button = buttonOf(message, actionId);
    await state.harness.click({ actionId, value: button.value, responseId, isEphemeral: true });
    return (await state.harness.waitForAnswer(responseId)).answer;
  };
  /** Clicks the export button `actionId` on `message`: the answer and the one file it uploaded. */
  const click = async (message: Record<string, unknown>, actionId: string) => {
    const filesBefore = state.harness.slack.files.size;
    const answer = await navigate(message, actionId);
    const files = [...state.harness.slack.files.values()].slice(filesBefore);
    expect(files).toHaveLength(1);
    return { answer, file: files[0] as UploadedFile & { content: Buffer } };
  };
  return { state, ask, navigate, click };
}

describe('Slack: Export XLSX beside Export CSV', () => {
  const { state, ask, navigate, click } = exportsOver();

  it('offers Export XLSX right after Export CSV', async () => {
    const report = await ask(`list ${EXPORT_CALLS_HOUR.join(' ')}`);
    const ids = findButtons(report).map((button) => button.action_id);
    expect(ids.slice(ids.indexOf('calls_export-csv'))).toEqual([
      'calls_export-csv',
      'calls_export-xlsx',
      'calls_share',
    ]);
    expect(buttonOf(report, 'calls_export-xlsx').text.text).toBe('Export XLSX');
  });

  it("uploads the calls as a workbook to the asker's DM: dates, durations, numbers as text, no bidi controls", async () => {
    const report = await ask(`list ${EXPORT_CALLS_HOUR.join(' ')}`);
    const { answer, file } = await click(report, 'calls_export-xlsx');
    expect(answer).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: `XLSX export of 2 calls (${HOUR}) sent to you.`,
    });
    expect(file).toMatchObject({
      filename: 'calls-2026-11-27.xlsx',
      contentType: XLSX_TYPE,
      title: `Calls, ${HOUR}`,
      channelId: USER_DM,
      declaredLength: file.content.length,
    });
    const sheet = await readXlsx(file.content);
    expect(sheet.name).toBe('Calls');
    const [header, missed, answered] = sheet.rows;
    expect(header?.map((cell) => cell.value)).toEqual([
      ...['start', 'date', 'time', 'direction', 'from', 'from name', 'to', 'to name', 'answered'],
      ...['talk', 'talk seconds', 'wait', 'wait seconds'],
    ]);
    expect(answered?.[0]).toEqual({
      value: new Date('2026-11-27T10:02:39.000Z'),
      numFmt: 'yyyy-mm-dd hh:mm:ss',
    });
    expect(answered?.[9]?.numFmt).toBe('[h]:mm:ss');
    expect(secondsOfTimeValue(answered?.[9]?.value ?? null)).toBe(3723);
    expect(answered?.[10]?.value).toBe(3723);
    expect([missed?.[4]?.value, answered?.[4]?.value, answered?.[6]?.value]).toEqual([
      '+442071234567',
      '02071234567',
      '101',
    ]);
    expect(missed?.[5]?.value).toBe(SHOWN_CALLER_NAME);
    expect(missed?.[7]?.value).toBe('Ben Okafor');
    expect(JSON.stringify(sheet.values)).not.toMatch(BIDI_CONTROLS);
  });

  it('exports the extension table, not the calls, from the By extension view (CSV and XLSX alike)', async () => {
    const words = ['list', ...EXPORT_CALLS_HOUR];
    const expected = await runCliReport(words, 'Europe/Berlin', { pbx: state.harness.pbx, now: SLACK_NOW });
    expect(expected.byExtension).toEqual([
      {
        extension: '101',
        name: 'Ben Okafor',
        calls: 2,
        answered: 1,
        missed: 1,
        outbound: 0,
        talkSeconds: 3723,
      },
    ]);
    const byExtension = await navigate(await ask(words.join(' ')), 'calls_by-extension');

    const csv = await click(byExtension, 'calls_export-csv');
    expect(csv.answer.text).toBe(`CSV export of 1 extension (${HOUR}) sent to you.`);
    expect(csv.file).toMatchObject({
      filename: 'calls-by-extension-2026-11-27.csv',
      contentType: 'text/csv',
      title: `Calls by extension, ${HOUR}`,
    });
    expect(csv.file.content.toString('utf8')).toBe(
      '\uFEFFextension,name,calls,answered,missed,outbound,talk,talk seconds\r\n101,Ben Okafor,2,1,1,0,1:02:03,3723\r\n',
    );

    const xlsx = await click(byExtension, 'calls_export-xlsx');
    expect(xlsx.answer.text).toBe(`XLSX export of 1 extension (${HOUR}) sent to you.`);
    expect(xlsx.file).toMatchObject({
      filename: 'calls-by-extension-2026-11-27.xlsx',
      contentType: XLSX_TYPE,
    });
    const sheet = await readXlsx(xlsx.file.content);
    expect(sheet.name).toBe('By extension');
    expect(sheet.values[0]).toEqual([
      ...['extension', 'name', 'calls', 'answered', 'missed', 'outbound', 'talk', 'talk seconds'],
    ]);
    const [row] = sheet.rows.slice(1);
    expect(sheet.rows).toHaveLength(2);
    expect(row?.map((cell) => cell.value).filter((_, index) => index !== 6)).toEqual([
      '101',
      'Ben Okafor',
      2,
      1,
      1,
      0,
      3723,
    ]);
    expect(row?.[0]?.numFmt).toBe('@');
    expect(row?.[6]?.numFmt).toBe('[h]:mm:ss');
    expect(secondsOfTimeValue(row?.[6]?.value ?? null)).toBe(3723);
  });
});

describe('Slack: XLSX export with PRIVACY_MASK_NUMBERS=true', () => {
  const { ask, click } = exportsOver({ PRIVACY_MASK_NUMBERS: 'true' });

  it('masks external numbers in the workbook as in the CSV; the extension stays', async () => {
    const report = await ask(`list ${EXPORT_CALLS_HOUR.join(' ')}`);
    const { file } = await click(report, 'calls_export-xlsx');
    const sheet = await readXlsx(file.content);
    expect(sheet.values.slice(1).map((row) => [row[4], row[6]])).toEqual([
      ['+44 20•• ••4567', '101'],
      ['02•• •••4567', '101'],
    ]);
    expect(JSON.stringify(sheet.values)).not.toMatch(/2071234567|7123/);
  });
});
