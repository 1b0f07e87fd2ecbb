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

/** SHA-256 of every answer's status and body (the server's own URL blanked), in order. */
export async function digestGoldenAnswers(pbx: DemoPbx, token: string): Promise<string> {
  const hash = createHash('sha256');
  for (const path of GOLDEN_CALL_LOG_PATHS) {
    const answer = await getJson(pbx, path, token);
    hash.update(`${answer.status}\n${answer.text.replaceAll(pbx.url, '')}\n`);
  }
  return hash.digest('hex');
}
