import { DEFAULT_CALL_LOG_PARAMETERS } from '../../src/core/report-request';
import { serializeODataFilter } from '../../src/odata/serialize-odata';
import { contextAt, parseOk, windowIso } from './parse-helpers';

const context = contextAt('2026-11-18T14:30', 'Europe/Berlin');

describe('views', () => {
  test.each([
    ['', 'summary'],
    ['summary', 'summary'],
    ['list yesterday', 'list'],
    ['yesterday rows', 'rows'],
    ['LIST', 'list'],
    ['list list', 'list'],
  ])('"%s" is the %s view', (command, view) => {
    expect(parseOk(command, context).view).toBe(view);
  });

  test.each(['help', '?', 'usage', 'HELP', 'help last week', 'help blursday', 'calls help?'])(
    '"%s" asks for help with today as the window',
    (command) => {
      const request = parseOk(command, context);
      expect(request.view).toBe('help');
      expect(windowIso(request)).toEqual(['2026-11-18T00:00:00.000+01:00', '2026-11-18T14:30:00.000+01:00']);
    },
  );
});

describe('filters', () => {
  test('an empty command has no filters and the default report parameters', () => {
    const request = parseOk('', context);
    expect(request.filters).toEqual({
      extensions: [],
      queues: [],
      numbers: [],
      directions: [],
      status: null,
    });
    expect(request.callLog).toEqual(DEFAULT_CALL_LOG_PARAMETERS);
    expect(request.odata).toEqual({});
    expect(request.me).toBe(false);
  });

  test.each([
    ['ext 101', { extensions: ['101'] }],
    ['extension 101', { extensions: ['101'] }],
    ['ext 101,102', { extensions: ['101', '102'] }],
    ['ext 101, 102', { extensions: ['101', '102'] }],
    ['ext 101 102', { extensions: ['101', '102'] }],
    ['ext 101 or 102 and 103', { extensions: ['101', '102', '103'] }],
    ['ext 101 ext 102 ext 101', { extensions: ['101', '102'] }],
    ['ext 101 3 nov', { extensions: ['101'] }],
    ['queue 800', { queues: ['800'] }],
    ['queues 800,801 queue 800', { queues: ['800', '801'] }],
    ['number +442071234567', { numbers: ['442071234567'] }],
    ['number +44 20 7123 4567', { numbers: ['442071234567'] }],
    ['number +44-20-7123-4567', { numbers: ['442071234567'] }],
    ['number (020) 7123.4567', { numbers: ['02071234567'] }],
    ['number "+44 20 7123 4567"', { numbers: ['442071234567'] }],
    ['number 4420, 4930 number 4420', { numbers: ['4420', '4930'] }],
    ['number +4420 +4930', { numbers: ['4420', '4930'] }],
    ['number 555', { numbers: ['555'] }],
    ['inbound', { directions: ['inbound'] }],
    ['incoming outgoing', { directions: ['inbound', 'outbound'] }],
    ['internal inbound internal', { directions: ['internal', 'inbound'] }],
    // Was refused with "did you mean internal?", its opposite.
    ['external', { directions: ['inbound', 'outbound'] }],
    ['outbound external', { directions: ['outbound', 'inbound'] }],
    ['answered', { status: 'answered' }],
    ['missed', { status: 'missed' }],
    ['unanswered missed', { status: 'missed' }],
    ['did we miss', { status: 'missed' }],
  ])('"%s"', (command, expected) => {
    const filters = { extensions: [], queues: [], numbers: [], directions: [], status: null, ...expected };
    expect(parseOk(command, context).filters).toEqual(filters);
  });

  test('filters, view and period in any order give the same request', () => {
    const orders = [
      'list last week ext 101 queue 800 missed inbound',
      'missed inbound queue 800 ext 101 list last week',
      'ext 101 list missed queue 800 last week inbound',
      '  LAST   Week   EXT 101   Queue 800   MISSED inbound   List ',
      'list missed calls for the last week inbound ext 101 queue 800',
      '/calls list last week ext 101 queue 800 missed inbound',
      'calls list last week ext 101 queue 800 missed inbound',
    ];
    const requests = orders.map((command) => parseOk(command, context));
    for (const request of requests) expect(request).toEqual(requests[0]);
    expect(requests[0]!.view).toBe('list');
    expect(requests[0]!.filters).toEqual({
      extensions: ['101'],
      queues: ['800'],
      numbers: [],
      directions: ['inbound'],
      status: 'missed',
    });
    expect(windowIso(requests[0]!)).toEqual([
      '2026-11-09T00:00:00.000+01:00',
      '2026-11-16T00:00:00.000+01:00',
    ]);
  });

  test('every kind of filter at once', () => {
    const request = parseOk(
      'yesterday number +44 20 7123 4567 ext 101,102 queue 800 outbound answered me',
      context,
    );
    expect(request.filters).toEqual({
      extensions: ['101', '102'],
      queues: ['800'],
      numbers: ['442071234567'],
      directions: ['outbound'],
      status: 'answered',
    });
    expect(request.me).toBe(true);
  });

  test.each(['me yesterday', 'my calls yesterday', 'yesterday mine'])('"%s" sets me', (command) => {
    const request = parseOk(command, context);
    expect(request.me).toBe(true);
    expect(windowIso(request)[0]).toBe('2026-11-17T00:00:00.000+01:00');
  });
});

describe('report parameters (every view)', () => {
  test('each option sets its parameter', () => {
    const request = parseOk(
      'list yesterday source-type=1 source="Jane Caller" dest-type=2 dest=101 calls-type=3 time-filter=1 time-from=8:00:00 time-to=17:30:00 pcalls=show',
      context,
    );
    expect(request.callLog).toEqual({
      sourceType: 1,
      sourceFilter: 'Jane Caller',
      destinationType: 2,
      destinationFilter: '101',
      callsType: 3,
      callTimeFilterType: 1,
      callTimeFilterFrom: '8:00:00',
      callTimeFilterTo: '17:30:00',
      hidePcalls: false,
    });
    expect(request.odata).toEqual({});
  });

  test.each([
    ['pcalls=hide', { hidePcalls: true }],
    ['pcalls=SHOW', { hidePcalls: false }],
    ["source='O'Brien'", { sourceFilter: "O'Brien" }],
    ['source=""', { sourceFilter: '' }],
    ['dest="a=b c"', { destinationFilter: 'a=b c' }],
    ['time-filter=1 time-from=8:00', { callTimeFilterType: 1, callTimeFilterFrom: '8:00:00' }],
    ['time-to=23:59:59 time-filter=1', { callTimeFilterType: 1, callTimeFilterTo: '23:59:59' }],
    ['time-filter=1 time-from=0:00:0', { callTimeFilterType: 1, callTimeFilterFrom: '0:00:0' }],
    // Codes other than 0 are the PBX's to read (3CX does not document them): the times go with them.
    ['timeFilter=2 time-from=22:00:00', { callTimeFilterType: 2, callTimeFilterFrom: '22:00:00' }],
    ['sourceType=4', { sourceType: 4 }],
    ['source_type=4', { sourceType: 4 }],
    ['calls-type = 2', { callsType: 2 }],
    ['time-filter= 1', { callTimeFilterType: 1 }],
  ])('"%s"', (command, expected) => {
    expect(parseOk(command, context).callLog).toEqual({ ...DEFAULT_CALL_LOG_PARAMETERS, ...expected });
  });
});

describe('OData options (rows only)', () => {
  test('every option at once', () => {
    const request = parseOk(
      'rows yesterday top=50 skip=10 search=Smith filter="Answered eq true" count select=StartTime,SourceDn orderby="StartTime desc" expand=Recordings',
      context,
    );
    expect(request.odata).toEqual({
      top: 50,
      skip: 10,
      search: 'Smith',
      filter: {
        kind: 'compare',
        operator: 'eq',
        left: { kind: 'field', name: 'Answered', type: 'boolean' },
        right: { kind: 'boolean', value: true },
      },
      count: true,
      select: ['StartTime', 'SourceDn'],
      orderby: [{ field: 'StartTime', descending: true }],
      expand: ['Recordings'],
    });
    expect(request.callLog).toEqual(DEFAULT_CALL_LOG_PARAMETERS);
  });

  test.each([
    ['rows top=0', { top: 0 }],
    ['rows $top=5 $skip=5', { top: 5, skip: 5 }],
    ['rows count=true', { count: true }],
    ['rows count=false', { count: false }],
    ['rows COUNT', { count: true }],
    ['rows orderby=\u201cStartTime desc\u201d', { orderby: [{ field: 'StartTime', descending: true }] }],
    [
      'rows orderby="sourcedn asc, StartTime DESC"',
      {
        orderby: [
          { field: 'SourceDn', descending: false },
          { field: 'StartTime', descending: true },
        ],
      },
    ],
    ['rows select="StartTime, SourceDn"', { select: ['StartTime', 'SourceDn'] }],
    ['rows select=startTIME,actiondndn', { select: ['StartTime', 'actionDnDn'] }],
    ['rows search="a b"', { search: 'a b' }],
  ])('"%s"', (command, expected) => {
    expect(parseOk(command, context).odata).toEqual(expected);
  });

  /** The filter as our serializer writes it for the PBX. */
  const filterSent = (command: string) => {
    const { filter } = parseOk(command, context).odata;
    return filter && serializeODataFilter(filter);
  };

  test.each([
    ['rows filter=Answered', 'Answered'],
    ["rows filter=\"SourceDisplayName eq 'O''Brien'\"", "SourceDisplayName eq 'O''Brien'"],
    ['rows filter="answered EQ false"', 'Answered eq false'],
    [
      "rows filter=\"Answered and not (CallType eq 'Queue' or startswith(SourceCallerId,'+44'))\"",
      "(Answered) and (not ((CallType eq 'Queue') or (startswith(SourceCallerId,'+44'))))",
    ],
    [
      'rows filter="TalkingDuration gt duration\'PT1M\' and StartTime ge 2026-11-17T09:00:00+01:00"',
      "(TalkingDuration gt duration'PT1M') and (StartTime ge 2026-11-17T09:00:00+01:00)",
    ],
    ['rows filter="tolower(SourceDisplayName) eq \'ben\'"', "tolower(SourceDisplayName) eq 'ben'"],
    ['rows filter="CallCost ge -1.5 and Reason ne null"', '(CallCost ge -1.5) and (Reason ne null)'],
  ])('%s is sent as %s', (command, sent) => {
    expect(filterSent(command)).toBe(sent);
  });
});

describe('chat-platform text', () => {
  test.each([
    ['<p>last week ext 101</p>', 'last week'],
    ['last&nbsp;week ext&#160;101', 'last week'],
    ['<div>last week</div><br/>ext 101', 'last week'],
    ['last week ext <tel:101|101>', 'last week'],
  ])('"%s" reads as %s ext 101', (command) => {
    const request = parseOk(command, context);
    expect(request.filters.extensions).toEqual(['101']);
    expect(windowIso(request)[0]).toBe('2026-11-09T00:00:00.000+01:00');
  });

  test('Slack-escaped quotes and ampersands reach option values decoded', () => {
    const request = parseOk('rows filter=&quot;SourceDisplayName eq &#39;A &amp; B&#39;&quot;', context);
    expect(request.odata.filter).toEqual({
      kind: 'compare',
      operator: 'eq',
      left: { kind: 'field', name: 'SourceDisplayName', type: 'string' },
      right: { kind: 'string', value: 'A & B' },
    });
  });

  test('Slack-escaped angle brackets are decoded, not taken as tags', () => {
    expect(parseOk('rows search="TalkingDuration &gt; 1"', context).odata.search).toBe('TalkingDuration > 1');
  });
});
