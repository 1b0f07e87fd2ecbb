import { createHash } from 'node:crypto';
import type { DemoPbx } from '../../src/demo/demo-pbx';
import { callLogPathFor, getJson } from './demo-pbx-client';

const DAY_FROM = '2026-11-17T00:00:00Z';
const DAY_TO = '2026-11-17T23:59:59.999Z';
const WEEK_FROM = '2026-11-09T00:00:00Z';
const WEEK_TO = '2026-11-15T23:59:59.999Z';

/**
 * Call-log requests covering every serving path (cached JSON pages ascending and descending,
 * predicates, $select, page boundaries across days, errors), for a PBX started with
 * `{ now: DEMO_NOW, days: 14 }` and the default seed.
 */
export const GOLDEN_CALL_LOG_PATHS: readonly string[] = [
  callLogPathFor(DAY_FROM, DAY_TO, {}, '$count=true'),
  callLogPathFor(DAY_FROM, DAY_TO, { hidePcalls: 'false' }, '$top=50&$skip=20&$count=true'),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$top=100&$skip=180&$count=true'),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$top=100&$skip=180&$orderby=StartTime%20desc'),
  callLogPathFor(WEEK_FROM, WEEK_TO, { callsType: '2' }, '$top=40&$skip=5&$count=true'),
  callLogPathFor(WEEK_FROM, WEEK_TO, { sourceFilter: "'10'" }, '$top=30&$count=true'),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, `$top=25&$filter=${encodeURIComponent("CallType eq 'Queue'")}`),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$top=25&$search=chlo'),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$top=25&$skip=3&$select=CdrId,StartTime,CallCost&$count=true'),
  callLogPathFor('2026-11-12T10:30:00Z', '2026-11-13T09:15:00.250Z', {}, '$count=true'),
  callLogPathFor('2026-11-01T00:00:00Z', '2026-11-01T23:59:59Z', {}, '$count=true'),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$top=0&$count=true'),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$top=10&$skip=999999&$count=true'),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, '$top=10&$orderby=Duration'),
  callLogPathFor(WEEK_FROM, WEEK_TO, { callsType: 'x' }),
];

/** The leg fields the report client selects, in its order. */
export const LEG_SELECT =
  'MainCallHistoryId,CallHistoryId,CallId,SegmentId,StartTime,SourceDn,SourceCallerId,SourceDisplayName,' +
  'DestinationDn,DestinationCallerId,DestinationDisplayName,Direction,CallType,Status,Answered,' +
  'RingingDuration,TalkingDuration';

/** Every call-log field, in the schema's order. */
const ALL_FIELDS =
  'MainCallHistoryId,CallHistoryId,CdrId,CallId,Indent,SegmentId,SubrowDescNumber,StartTime,SourceType,' +
  'DestinationType,ActionType,ActionDnType,SourceDn,SourceCallerId,SourceDisplayName,DestinationDn,' +
  'DestinationCallerId,DestinationDisplayName,actionDnDn,ActionDnCallerId,ActionDnDisplayName,' +
  'RingingDuration,TalkingDuration,CallCost,Answered,Direction,CallType,Status,Reason,RecordingUrl,' +
  'SrcRecId,DstRecId,QualityReport';

const select = (fields: string) => `$select=${encodeURIComponent(fields)}`;

/**
 * `$select` requests (same PBX): the client's leg fields with every paging and filtering option,
 * single and all fields, case, spaces, duplicates, names `in` any object, and refused lists.
 */
export const GOLDEN_SELECT_PATHS: readonly string[] = [
  callLogPathFor(DAY_FROM, DAY_TO, {}, `$top=1000&$skip=0&$count=true&${select(LEG_SELECT)}`),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, `$top=1000&$skip=1000&$count=true&${select(LEG_SELECT)}`),
  callLogPathFor(
    WEEK_FROM,
    WEEK_TO,
    {},
    `$top=100&$skip=180&${select(LEG_SELECT)}&$orderby=StartTime%20desc`,
  ),
  callLogPathFor(
    WEEK_FROM,
    WEEK_TO,
    { hidePcalls: 'false' },
    `$top=70&$skip=33&$count=true&$select=${LEG_SELECT}`,
  ),
  callLogPathFor(
    WEEK_FROM,
    WEEK_TO,
    { callsType: '1', sourceFilter: "'10'" },
    `$top=40&$skip=5&$count=true&${select(LEG_SELECT)}`,
  ),
  callLogPathFor(
    WEEK_FROM,
    WEEK_TO,
    {},
    `$top=30&$skip=2&$count=true&$filter=${encodeURIComponent("CallType eq 'Extension' and Answered eq true")}&$search=chlo&${select(LEG_SELECT)}`,
  ),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, `$search=o%27brien&$orderby=StartTime%20desc&${select(LEG_SELECT)}`),
  callLogPathFor('2026-11-12T10:30:00Z', '2026-11-13T09:15:00.250Z', {}, `$count=true&${select(LEG_SELECT)}`),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, `$top=0&$count=true&${select(LEG_SELECT)}`),
  callLogPathFor(WEEK_FROM, WEEK_TO, {}, `$top=10&$skip=999999&$count=true&${select(LEG_SELECT)}`),
  callLogPathFor('2026-11-01T00:00:00Z', '2026-11-01T23:59:59Z', {}, `$count=true&${select(LEG_SELECT)}`),
  callLogPathFor(DAY_FROM, DAY_TO, {}, `$top=50&$skip=7&${select('SourceDisplayName')}`),
  callLogPathFor(DAY_FROM, DAY_TO, {}, `$top=50&$skip=7&$count=true&${select(ALL_FIELDS)}`),
  callLogPathFor(
    DAY_FROM,
    DAY_TO,
    {},
    `$top=60&${select('talkingduration, CALLID ,StartTime,callid,StartTime')}`,
  ),
  callLogPathFor(DAY_FROM, DAY_TO, {}, '$top=20&$select=+RecordingUrl,+actiondndn,DstRecId,CallCost+'),
  callLogPathFor(DAY_FROM, DAY_TO, {}, `$top=5&${select('constructor,CallId,__proto__,toString')}`),
  callLogPathFor(DAY_FROM, DAY_TO, {}, `$top=5&$expand=x&${select('Answered')}`),
  callLogPathFor(DAY_FROM, DAY_TO, {}, `$top=5&${select('CallId,Nope')}`),
  callLogPathFor(DAY_FROM, DAY_TO, {}, `$top=5&${select('CallId,,StartTime')}`),
  callLogPathFor(DAY_FROM, DAY_TO, {}, `$top=5&${select('*')}`),
  callLogPathFor(DAY_FROM, DAY_TO, {}, `$top=5&${select(' ')}&$count=true`),
];

/** SHA-256 of every answer's status and body (the server's own URL blanked), in order. */
export async function digestGoldenAnswers(
  pbx: DemoPbx,
  token: string,
  paths: readonly string[] = GOLDEN_CALL_LOG_PATHS,
): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    const answer = await getJson(pbx, path, token);
    hash.update(`${answer.status}\n${answer.text.replaceAll(pbx.url, '')}\n`);
  }
  return hash.digest('hex');
}
