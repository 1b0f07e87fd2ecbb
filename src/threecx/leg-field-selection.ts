import type { CallLogQuery } from '../core/call-log-source';
import type { Logger } from '../core/logger';
import { LEG_FIELDS } from './call-log-row';
import { PbxHttpError } from './errors';

/**
 * How a PBX refuses the field list: 400 (OData: a property the build does not have), 501 (no
 * `$select` here). A 500 is a fault of the PBX and surfaces as one.
 */
const REFUSAL_STATUSES = new Set([400, 501]);

/**
 * Asks the PBX for only the fields a leg is made of (`$select`): about half of each row's bytes,
 * so half the download and the parsing, for every report. Every field may be missing on some
 * build, and a PBX may answer 400 to a field list naming one it does not have: a window whose
 * first page is refused is fetched again without the list, and this client asks for whole rows
 * from then on. A PBX that ignores `$select` sends whole rows, which read the same.
 */
export class LegFieldSelection {
  private refused = false;

  constructor(
    private readonly enabled: boolean,
    private readonly logger: Logger,
  ) {}

  /** The query to fetch legs with: with the field list, unless the caller chose fields itself. */
  apply(query: CallLogQuery): CallLogQuery {
    if (!this.enabled || this.refused || query.select !== undefined) return query;
    return { ...query, select: LEG_FIELDS };
  }

  /** A window's pages from `fetch`, asked again without the field list when the PBX refuses it. */
  async *fetchPages<T>(
    query: CallLogQuery,
    fetch: (query: CallLogQuery) => AsyncIterable<T>,
  ): AsyncGenerator<T> {
    if (query.select !== LEG_FIELDS) {
      yield* fetch(query);
      return;
    }
    let passedOn = false;
    try {
      for await (const rows of fetch(query)) {
        passedOn = true;
        yield rows;
      }
    } catch (error) {
      if (passedOn || !(error instanceof PbxHttpError) || !REFUSAL_STATUSES.has(error.status)) throw error;
      if (!this.refused) {
        this.refused = true;
        this.logger.warn('The PBX refused the call-log field list ($select); asking for whole rows', {
          status: error.status,
        });
      }
      const { select: _select, ...whole } = query;
      yield* fetch(whole);
    }
  }
}
