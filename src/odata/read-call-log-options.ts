import { CALL_LOG_ENTITY, CALL_LOG_FIELD_TYPES } from './call-log-fields';
import { ODataSyntaxError } from './odata-tokens';
import type { ODataExpression, ODataOrderItem } from './odata-tree';
import { parseODataFilter } from './parse-odata-filter';
import { readFieldList, readOrderBy } from './read-field-list';

/** A user's OData option read against `Pbx.CallLogData`, or why it could not be (the reader's words). */
export type ODataReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** `filter=`: a tree of the accepted subset (see parse-odata-filter.ts). */
export function readCallLogFilter(text: string): ODataReadResult<ODataExpression> {
  return attempt(() => parseODataFilter(text, CALL_LOG_FIELD_TYPES, CALL_LOG_ENTITY));
}

/** `select=` and `expand=`: call-log field names. */
export function readCallLogFields(text: string): ODataReadResult<string[]> {
  return attempt(() => readFieldList(text, CALL_LOG_FIELD_TYPES, CALL_LOG_ENTITY));
}

/** `orderby=`: call-log fields, each optionally `asc` or `desc`. */
export function readCallLogOrderBy(text: string): ODataReadResult<ODataOrderItem[]> {
  return attempt(() => readOrderBy(text, CALL_LOG_FIELD_TYPES, CALL_LOG_ENTITY));
}

function attempt<T>(read: () => T): ODataReadResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof ODataSyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
}
