import type { CallLogQuery, RawCallLogRow } from '../core/call-log-source';
import { buildDnFilter, DN_FIELDS, mapCallerTexts, rowInvolvesAnyDn } from '../threecx/call-log-row';
import { maskNumbersInText } from './mask-number';

/**
 * The rows query of a scoped asker: only rows whose SourceDn or DestinationDn is one of `dns`,
 * sent to the PBX as an OData filter ANDed with the asker's own (so `top`, `skip` and `count`
 * count what they may see), and with both DN fields added to a `select` so each row can be
 * checked again on arrival (`keepRowsInvolving`).
 */
export function scopeRowsQuery(query: CallLogQuery, dns: readonly string[]): CallLogQuery {
  const scopeFilter = buildDnFilter(dns);
  const scoped: CallLogQuery = {
    ...query,
    filter: query.filter === undefined ? scopeFilter : `(${query.filter}) and ${scopeFilter}`,
  };
  if (query.select !== undefined) {
    scoped.select = [...query.select, ...DN_FIELDS.filter((field) => !query.select?.includes(field))];
  }
  return scoped;
}

/** The rows that involve one of `dns`: a second line of defence whatever the PBX made of the filter. */
export async function* keepRowsInvolving(
  rows: AsyncIterable<RawCallLogRow>,
  dns: ReadonlySet<string>,
): AsyncGenerator<RawCallLogRow> {
  for await (const row of rows) if (rowInvolvesAnyDn(row, dns)) yield row;
}

/** The row with external numbers masked in its caller ids and display names (PRIVACY_MASK_NUMBERS). */
export function maskRow(row: RawCallLogRow): RawCallLogRow {
  return mapCallerTexts(row, maskNumbersInText);
}
