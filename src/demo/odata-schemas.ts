import { CALL_LOG_FIELD_TYPES } from '../odata/call-log-fields';
import type { ODataSchema } from '../odata/odata-tree';

/** Fields of `Pbx.CallLogData` the demo's rows never have: the AI features and recordings. */
const ABSENT_CALL_LOG_FIELDS: ReadonlySet<string> = new Set([
  'SentimentScore',
  'Summary',
  'Transcription',
  'Recordings',
]);

/**
 * `Pbx.CallLogData` as the demo serves it: the bot's field list (src/odata) without the fields its
 * rows never have, so `$select`/`$filter` on those answer 400 as on a build without them.
 */
export const CALL_LOG_SCHEMA: ODataSchema = Object.fromEntries(
  Object.entries(CALL_LOG_FIELD_TYPES).filter(([field]) => !ABSENT_CALL_LOG_FIELDS.has(field)),
);

/** `Pbx.User`, the subset the demo serves. */
export const USER_SCHEMA: ODataSchema = {
  Id: 'number',
  Number: 'string',
  FirstName: 'string',
  LastName: 'string',
  DisplayName: 'string',
  EmailAddress: 'string',
  Mobile: 'string',
  IsRegistered: 'boolean',
};

/** `Pbx.Queue`, the subset the demo serves (`Agents` only with `$expand=Agents`). */
export const QUEUE_SCHEMA: ODataSchema = {
  Id: 'number',
  Number: 'string',
  Name: 'string',
  PollingStrategy: 'string',
  RingTimeout: 'number',
};

/** Fields `$search` looks in (a case-insensitive substring match; 3CX does not document its own). */
export const CALL_LOG_SEARCH_FIELDS = [
  'SourceCallerId',
  'SourceDisplayName',
  'SourceDn',
  'DestinationCallerId',
  'DestinationDisplayName',
  'DestinationDn',
] as const;
