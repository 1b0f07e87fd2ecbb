/**
 * The acceptance tests' yardstick: every leg of the demo PBX's last months, read through the
 * production client, and the plain reference report (test/report/reference-report.ts) of any
 * window, extension set or queue set over them.
 */
import type { RankingRequest, TrendUnit } from '../../src/core/answers';
import type { CallLeg } from '../../src/core/call-leg';
import type { Directory } from '../../src/core/directory';
import type { Report } from '../../src/core/report';
import { DEFAULT_CALL_LOG_PARAMETERS } from '../../src/core/report-request';
import { trendEdges } from '../../src/core/trend-edges';
import type { DemoPbx } from '../../src/demo/demo-pbx';
import { XapiClient } from '../../src/threecx/xapi-client';
import { referenceReport } from '../report/reference-report';

const HOUR_MS = 3_600_000;
export const SERVICE_LEVEL_SECONDS = 20;

export interface DemoLegs {
  legs: CallLeg[];
  directory: Directory;
}

/** Every leg from `from` (minus an hour) to `to` (plus one), and the directory, as the bot reads them. */
export async function readDemoLegs(pbx: DemoPbx, from: Date, to: Date): Promise<DemoLegs> {
  const client = new XapiClient({ baseUrl: pbx.url, clientId: pbx.clientId, clientSecret: pbx.clientSecret });
  try {
    const legs: CallLeg[] = [];
    const query = {
      from: new Date(from.getTime() - HOUR_MS),
      to: new Date(to.getTime() + HOUR_MS),
      callLog: DEFAULT_CALL_LOG_PARAMETERS,
    };
    for await (const leg of client.streamLegs(query)) legs.push(leg);
    return { legs, directory: await client.getDirectory() };
  } finally {
    await client.close();
  }
}

export interface ReferenceQuestion {
  /** The report's own window, as `--json` printed it. */
  window: Report['window'];
  /** Only calls with a leg from or to one of these DNs (an `ext`/`queue` filter); absent: every call. */
  involving?: string[];
  focusExtensions?: string[];
  ranking?: RankingRequest;
  trend?: TrendUnit;
}

/** The reference report for a question (weeks start on Monday, as the bot's default WEEK_START). */
export function referenceFor(data: DemoLegs, question: ReferenceQuestion): Report {
  const window = {
    from: new Date(question.window.from),
    to: new Date(question.window.to),
    timeZone: question.window.timeZone,
  };
  const legs = question.involving ? callsInvolving(data.legs, new Set(question.involving)) : data.legs;
  return referenceReport(legs, window, data.directory, SERVICE_LEVEL_SECONDS, {
    ...(question.focusExtensions && { focusExtensions: question.focusExtensions }),
    ...(question.ranking && { ranking: question.ranking }),
    ...(question.trend && {
      trend: {
        by: question.trend,
        edgesMs: trendEdges(window, question.trend, 'monday').map((edge) => edge.getTime()),
      },
    }),
  });
}

/** The legs of the calls that have a leg from or to one of `dns` (what an ext/queue filter keeps). */
function callsInvolving(legs: CallLeg[], dns: ReadonlySet<string>): CallLeg[] {
  const keys = new Set(
    legs
      .filter((leg) => dns.has(leg.sourceDn ?? '') || dns.has(leg.destinationDn ?? ''))
      .map((leg) => leg.callKey),
  );
  return legs.filter((leg) => keys.has(leg.callKey));
}
