import type { CallLogQuery } from '../core/call-log-source';
import { buildCallLogPath, CALL_LOG_FUNCTION_PATH, type ODataRequestOptions } from './call-log-url';
import type { FetchWindow } from './call-log-windows';
import { PbxHttpError } from './errors';
import { ROW_IDENTITY_FIELD } from './window-row-keys';
import type { XapiRequester } from './xapi-requester';

/** One answer of the call-log function: its `value` entries as sent, and `@odata.count` when given. */
export interface CallLogPage {
  /** Every entry of `value`, usable or not (what `$skip` advances by). */
  entries: unknown[];
  /** `@odata.count`: rows the whole window holds at the moment of this page, when the PBX said. */
  count: number | undefined;
}

export const CALL_LOG_ENDPOINT = `GET ${CALL_LOG_FUNCTION_PATH}`;

/**
 * One page of the call log for `window`, with the query's OData options. `onAnswered` is called
 * when the PBX's answer has arrived, before it is parsed, with its `@odata.count` when the
 * answer's first bytes give it (as 3CX writes it, before the rows): a hint, never a promise.
 */
export async function fetchCallLogPage(
  requester: XapiRequester,
  window: FetchWindow,
  query: CallLogQuery,
  paging: Pick<ODataRequestOptions, 'top' | 'skip' | 'count'>,
  signal: AbortSignal,
  onAnswered?: (countHint: number | undefined) => void,
): Promise<CallLogPage> {
  const path = buildCallLogPath(
    { from: new Date(window.startMs), to: new Date(window.endMs), callLog: query.callLog },
    {
      ...paging,
      filter: query.filter,
      search: query.search,
      select: query.select,
      orderby: query.orderby,
      expand: query.expand,
    },
  );
  const peek = onAnswered && ((body: Uint8Array) => onAnswered(peekODataCount(body)));
  return readPage(await requester.getJson(path, signal, peek));
}

/**
 * The query with `CdrId` in its `$select` (rows are told apart by it); unchanged without a
 * `$select` (whole rows carry it) or when it is already there.
 */
export function withIdentityField(query: CallLogQuery): CallLogQuery {
  if (query.select === undefined || query.select.includes(ROW_IDENTITY_FIELD)) return query;
  return { ...query, select: [...query.select, ROW_IDENTITY_FIELD] };
}

/** `{ "@odata.count": n, "value": [...] }`; anything else is the PBX answering something we cannot use. */
function readPage(json: unknown): CallLogPage {
  const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const value = body.value;
  if (!Array.isArray(value))
    throw new PbxHttpError(200, CALL_LOG_ENDPOINT, 'the answer has no "value" list of rows');
  const rawCount = body['@odata.count'];
  const count =
    typeof rawCount === 'number' ? rawCount : typeof rawCount === 'string' ? Number(rawCount) : Number.NaN;
  return { entries: value, count: Number.isFinite(count) ? count : undefined };
}

const COUNT_IN_HEAD = /"@odata\.count"\s*:\s*(\d{1,9})\s*[,}]/;
/** How far into an answer `@odata.count` is looked for (3CX writes it after `@odata.context`). */
const HEAD_BYTES = 1024;

/** `@odata.count` from the first bytes of an answer, without parsing it; undefined when not there. */
export function peekODataCount(body: Uint8Array): number | undefined {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, HEAD_BYTES)).toString(
    'latin1',
  );
  const match = COUNT_IN_HEAD.exec(head);
  return match ? Number(match[1]) : undefined;
}
