import type { DemoPbx } from '../../src/demo/demo-pbx';

/** A fixed clock for demo data: Friday 20 Nov 2026, 12:00 UTC. */
export const DEMO_NOW = new Date('2026-11-20T12:00:00Z');

export interface JsonAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** The body as JSON when it parses, else undefined. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** POST /connect/token with the given (default: the PBX's own) credentials. */
export async function requestToken(pbx: DemoPbx, clientSecret = pbx.clientSecret): Promise<JsonAnswer> {
  const response = await fetch(`${pbx.url}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: pbx.clientId,
      client_secret: clientSecret,
      grant_type: 'client_credentials',
    }).toString(),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

/** A valid access token. */
export async function fetchToken(pbx: DemoPbx): Promise<string> {
  const answer = await requestToken(pbx);
  return (answer.json as { access_token: string }).access_token;
}

/** GET a path (with query) relative to the server root, with a bearer token if given. */
export async function getJson(pbx: DemoPbx, pathAndQuery: string, token?: string): Promise<JsonAnswer> {
  const response = await fetch(`${pbx.url}${pathAndQuery}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

/** The 11 GetCallLogData arguments with 3CX's defaults, as [name, raw value] pairs. */
export function defaultCallLogArguments(from: string, to: string): Array<[string, string]> {
  return [
    ['periodFrom', from],
    ['periodTo', to],
    ['sourceType', '0'],
    ['sourceFilter', "''"],
    ['destinationType', '0'],
    ['destinationFilter', "''"],
    ['callsType', '0'],
    ['callTimeFilterType', '0'],
    ['callTimeFilterFrom', "'0:00:0'"],
    ['callTimeFilterTo', "'0:00:0'"],
    ['hidePcalls', 'true'],
  ];
}

/** The function path, each value percent-encoded with encodeURIComponent as the web console does. */
export function callLogPath(args: Array<[string, string]>, query = ''): string {
  const text = args.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join(',');
  return `/xapi/v1/ReportCallLogData/Pbx.GetCallLogData(${text})${query === '' ? '' : `?${query}`}`;
}

/** The default call-log path for [from, to] with some arguments replaced. */
export function callLogPathFor(
  from: string,
  to: string,
  overrides: Record<string, string> = {},
  query = '',
): string {
  const args = defaultCallLogArguments(from, to).map(([name, value]): [string, string] => [
    name,
    overrides[name] ?? value,
  ]);
  return callLogPath(args, query);
}

export type Row = Record<string, unknown>;

/** The `value` rows of an OData answer. */
export function rowsOf(answer: JsonAnswer): Row[] {
  return (answer.json as { value: Row[] }).value;
}
