import { DEFAULT_CALL_LOG_PARAMETERS } from '../../src/core/report-request';
import type { ODataExpression } from '../../src/odata/odata-tree';
import { readCallLogFilter } from '../../src/odata/read-call-log-options';
import { buildCallLogPath, buildODataQuery } from '../../src/threecx/call-log-url';

const week = {
  from: new Date('2026-11-15T23:00:00Z'),
  to: new Date('2026-11-22T23:00:00Z'),
  callLog: { ...DEFAULT_CALL_LOG_PARAMETERS },
};

describe('buildCallLogPath', () => {
  it('sends all 11 arguments in order, periodTo 1 ms before the end, values percent-encoded', () => {
    expect(buildCallLogPath(week, { top: 1000, skip: 0, count: true })).toBe(
      '/xapi/v1/ReportCallLogData/Pbx.GetCallLogData(' +
        'periodFrom=2026-11-15T23%3A00%3A00.000Z,periodTo=2026-11-22T22%3A59%3A59.999Z,' +
        "sourceType=0,sourceFilter='',destinationType=0,destinationFilter=''," +
        "callsType=0,callTimeFilterType=0,callTimeFilterFrom='0%3A00%3A0',callTimeFilterTo='0%3A00%3A0'," +
        'hidePcalls=true)?$top=1000&$skip=0&$count=true',
    );
  });

  it("doubles a ' inside strings and leaves it literal; encodes spaces, + and ,", () => {
    const path = buildCallLogPath(
      {
        ...week,
        callLog: {
          sourceType: 1,
          sourceFilter: "O'Brien & Co",
          destinationType: 2,
          destinationFilter: '+44 20,7',
          callsType: 2,
          callTimeFilterType: 1,
          callTimeFilterFrom: '8:00:00',
          callTimeFilterTo: '17:30:00',
          hidePcalls: false,
        },
      },
      {},
    );
    expect(path).toBe(
      '/xapi/v1/ReportCallLogData/Pbx.GetCallLogData(' +
        'periodFrom=2026-11-15T23%3A00%3A00.000Z,periodTo=2026-11-22T22%3A59%3A59.999Z,' +
        "sourceType=1,sourceFilter='O''Brien%20%26%20Co',destinationType=2,destinationFilter='%2B44%2020%2C7'," +
        "callsType=2,callTimeFilterType=1,callTimeFilterFrom='8%3A00%3A00',callTimeFilterTo='17%3A30%3A00'," +
        'hidePcalls=false)',
    );
  });

  it('keeps milliseconds of odd bounds', () => {
    const path = buildCallLogPath(
      {
        from: new Date('2026-11-17T08:00:00.250Z'),
        to: new Date('2026-11-17T08:00:01Z'),
        callLog: week.callLog,
      },
      {},
    );
    expect(path).toContain('(periodFrom=2026-11-17T08%3A00%3A00.250Z,periodTo=2026-11-17T08%3A00%3A00.999Z,');
  });

  it('rejects a non-integer type code and an invalid date', () => {
    expect(() => buildCallLogPath({ ...week, callLog: { ...week.callLog, callsType: 1.5 } }, {})).toThrow(
      'callsType must be an integer, got 1.5',
    );
    expect(() => buildCallLogPath({ ...week, from: new Date('nope') }, {})).toThrow(RangeError);
  });
});

describe('buildODataQuery', () => {
  it('orders the options and encodes each value', () => {
    expect(
      buildODataQuery({
        top: 50,
        skip: 100,
        search: 'Jane Caller',
        filter: parsedFilter("Direction eq 'Inbound' and SourceCallerId eq '+4420'"),
        count: true,
        select: ['StartTime', 'SourceDn'],
        orderby: [
          { field: 'StartTime', descending: true },
          { field: 'CallCost', descending: false },
        ],
        expand: ['Recordings'],
      }),
    ).toBe(
      '$top=50&$skip=100&$search=Jane%20Caller' +
        "&$filter=(Direction%20eq%20'Inbound')%20and%20(SourceCallerId%20eq%20'%2B4420')" +
        '&$count=true&$select=StartTime%2CSourceDn&$orderby=StartTime%20desc%2CCallCost&$expand=Recordings',
    );
  });

  it('writes the filter tree out itself: a quote in a value stays inside its string', () => {
    const filter = parsedFilter("SourceDisplayName eq 'x'') or (true'");
    expect(buildODataQuery({ filter })).toBe(
      `$filter=${encodeURIComponent("SourceDisplayName eq 'x'') or (true'")}`,
    );
  });

  it('leaves out options that are not given, and an empty $select', () => {
    expect(buildODataQuery({})).toBe('');
    expect(buildODataQuery({ select: [], count: false })).toBe('$count=false');
  });
});

function parsedFilter(text: string): ODataExpression {
  const read = readCallLogFilter(text);
  if (!read.ok) throw new Error(read.reason);
  return read.value;
}
