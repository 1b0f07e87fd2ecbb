import type { CallLogQuery, RawCallLogRow } from '../core/call-log-source';
import { allOf } from '../odata/odata-tree';
import { buildDnFilter, DN_FIELDS, rowInvolvesAnyDn } from '../threecx/call-log-row';

/**
 * The query served to the PBX for a scoped asker's rows: only rows whose SourceDn or
 * DestinationDn is one of `dns`. The scope is a separate top-level `and` of the filter tree
 * (written `(<their filter>) and (<scope>)` by our serializer, so nothing the asker typed can
 * reach it); both DN fields are added to a `select` so each row can be checked again on arrival
 * (`keepRowsInvolving`); `top` and `skip` are left out, because they count over the rows that
 * passed that check, on our side (report-service.ts).
 */
export function scopeRowsQuery(query: CallLogQuery, dns: readonly string[]): CallLogQuery {
  const scope = buildDnFilter(dns);
  const scoped: CallLogQuery = {
    from: query.from,
    to: query.to,
    callLog: query.callLog,
    filter: query.filter === undefined ? scope : allOf(query.filter, scope),
  };
  if (query.search !== undefined) scoped.search = query.search;
  if (query.orderby !== undefined) scoped.orderby = query.orderby;
  if (query.expand !== undefined) scoped.expand = query.expand;
  if (query.select !== undefined) {
    scoped.select = [...query.select, ...DN_FIELDS.filter((field) => !query.select?.includes(field))];
  }
  return scoped;
}

/** The rows that involve one of `dns`: what a scoped asker sees, whatever the PBX made of the filter. */
export async function* keepRowsInvolving(
  rows: AsyncIterable<RawCallLogRow>,
  dns: ReadonlySet<string>,
): AsyncGenerator<RawCallLogRow> {
  for await (const row of rows) if (rowInvolvesAnyDn(row, dns)) yield row;
}
