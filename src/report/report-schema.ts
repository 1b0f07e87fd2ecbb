import { z } from 'zod';

/** ISO 8601 with milliseconds and an offset (`+01:00`, or `Z` for the UTC zone, as luxon writes it). */
const isoInstant = z.iso.datetime({ offset: true, precision: 3 });
const count = z.int().nonnegative();
const direction = z.enum(['inbound', 'outbound', 'internal']);

const totalsSchema = z.strictObject({
  calls: count,
  inbound: count,
  outbound: count,
  internal: count,
  answered: count,
  missed: count,
  talkSeconds: count,
  avgTalkSeconds: count,
  avgWaitSeconds: count,
  longestTalkSeconds: count,
  serviceLevelPercent: count.max(100),
});

const extensionSchema = z.strictObject({
  extension: z.string().min(1),
  name: z.string(),
  calls: count,
  answered: count,
  missed: count,
  outbound: count,
  talkSeconds: count,
});

const queueSchema = z.strictObject({
  queue: z.string().min(1),
  name: z.string(),
  calls: count,
  answered: count,
  missed: count,
  avgWaitSeconds: count,
});

const missedCallSchema = z.strictObject({
  start: isoInstant,
  from: z.string(),
  fromName: z.string(),
  to: z.string(),
  toName: z.string(),
  waitSeconds: count,
});

const callSummarySchema = z.strictObject({
  start: isoInstant,
  direction,
  from: z.string(),
  fromName: z.string(),
  to: z.string(),
  toName: z.string(),
  answered: z.boolean(),
  talkSeconds: count,
  waitSeconds: count,
});

/** The spec's machine-readable report (`--json`), strictly: exact keys, whole numbers, 24 hours. */
export const reportSchema = z.strictObject({
  window: z.strictObject({ from: isoInstant, to: isoInstant, timeZone: z.string().min(1) }),
  filters: z.strictObject({
    extensions: z.array(z.string()),
    queues: z.array(z.string()),
    numbers: z.array(z.string()),
    directions: z.array(direction),
    status: z.enum(['answered', 'missed']).nullable(),
    pbxOptions: z.array(z.string()).min(1).optional(),
  }),
  /** Every report the service runs has it (possibly empty); a bare `ReportBuilder` result does not. */
  assumptions: z.array(z.strictObject({ code: z.string().min(1), text: z.string().min(1) })).optional(),
  totals: totalsSchema,
  byExtension: z.array(extensionSchema),
  byQueue: z.array(queueSchema),
  byHour: z.array(count).length(24),
  missedCalls: z.array(missedCallSchema),
  calls: z.array(callSummarySchema).optional(),
});

/** A report as the schema reads it (structurally the same as core's `Report`). */
export type ReportJson = z.infer<typeof reportSchema>;
