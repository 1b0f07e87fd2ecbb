import { z } from 'zod';

/** ISO 8601 with milliseconds and an offset (`+01:00`, or `Z` for the UTC zone, as luxon writes it). */
const isoInstant = z.iso.datetime({ offset: true, precision: 3 });
const count = z.int().nonnegative();
const percent = count.max(100);
const direction = z.enum(['inbound', 'outbound', 'internal']);
const windowSchema = z.strictObject({ from: isoInstant, to: isoInstant, timeZone: z.string().min(1) });

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
  serviceLevelPercent: percent,
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

const queueFigures = {
  calls: count,
  answered: count,
  missed: count,
  avgWaitSeconds: count,
  abandoned: count,
  abandonRatePercent: percent,
  longestWaitSeconds: count,
  serviceLevelPercent: percent,
};

const queueSchema = z.strictObject({ queue: z.string().min(1), name: z.string(), ...queueFigures });

const missedCallSchema = z.strictObject({
  start: isoInstant,
  from: z.string(),
  fromName: z.string(),
  to: z.string(),
  toName: z.string(),
  waitSeconds: count,
});

/** `unreturned`: a returned call has all three `returned…` fields, any other none. */
const unreturnedSchema = z
  .strictObject({
    start: isoInstant,
    from: z.string(),
    fromName: z.string(),
    to: z.string(),
    toName: z.string(),
    state: z.enum(['open', 'tried', 'returned', 'anonymous']),
    attempts: count,
    returnedBy: z.strictObject({ extension: z.string(), name: z.string() }).nullable(),
    returnedAt: isoInstant.nullable(),
    returnedAfterSeconds: count.nullable(),
  })
  .refine(
    (call) =>
      [call.returnedBy, call.returnedAt, call.returnedAfterSeconds].every(
        (field) => (field !== null) === (call.state === 'returned'),
      ),
    { message: 'returnedBy, returnedAt and returnedAfterSeconds are set exactly when the state is returned' },
  );

const callFields = {
  direction,
  from: z.string(),
  fromName: z.string(),
  to: z.string(),
  toName: z.string(),
  answered: z.boolean(),
  talkSeconds: count,
  waitSeconds: count,
};

const callSummarySchema = z.strictObject({ start: isoInstant, ...callFields });

/** An extension's own figures (`focus`), also the row fields of `top extensions`. */
const focusFigures = {
  offered: count,
  answered: count,
  notPickedUp: count,
  missed: count,
  outbound: count,
  talkSeconds: count,
  avgTalkSeconds: count,
  avgRingSeconds: count,
};

const focusSchema = z.strictObject({ extension: z.string().min(1), name: z.string(), ...focusFigures });

const previousSchema = z.strictObject({ window: windowSchema, totals: totalsSchema });

const comparisonSchema = z.strictObject({
  by: z.enum(['period', 'extension', 'queue']),
  columns: z.array(
    z.strictObject({
      label: z.string(),
      window: windowSchema,
      filters: z.strictObject({ extensions: z.array(z.string()), queues: z.array(z.string()) }),
      totals: totalsSchema,
      focus: z.array(focusSchema),
    }),
  ),
});

/** One kind of ranking: `of`, its measures, and its rows' fields besides `key`, `name` and `value`. */
function rankingOf<Of extends string, By extends string, Fields extends z.ZodRawShape>(
  of: Of,
  measures: readonly [By, ...By[]],
  fields: Fields,
  key: z.ZodType<string> = z.string().min(1),
) {
  return z.strictObject({
    of: z.literal(of),
    by: z.enum(measures),
    rows: z.array(z.strictObject({ key, name: z.string(), value: count, ...fields })),
  });
}

/** `ranking`, strictly per `of` (RANKING_MEASURES; the rows as docs/report-definitions.md shows them). */
const rankingSchema = z.discriminatedUnion('of', [
  rankingOf('callers', ['calls', 'missed', 'answered', 'talk'], {
    calls: count,
    answered: count,
    missed: count,
    talkSeconds: count,
    lastCall: isoInstant,
  }),
  rankingOf('extensions', ['calls', 'answered', 'missed', 'outbound', 'talk'], focusFigures),
  rankingOf('queues', ['calls', 'answered', 'abandoned', 'wait'], queueFigures),
  rankingOf('hours', ['calls'], {}, z.enum(Array.from({ length: 24 }, (_, hour) => String(hour)))),
  rankingOf('days', ['calls'], {}, z.iso.date()),
  rankingOf('calls', ['talk'], callFields, isoInstant),
]);

const trendSchema = z.strictObject({
  by: z.enum(['day', 'week', 'month']),
  buckets: z.array(
    z.strictObject({
      from: isoInstant,
      to: isoInstant,
      calls: count,
      answered: count,
      missed: count,
      serviceLevelPercent: percent,
      avgWaitSeconds: count,
    }),
  ),
});

/** The spec's machine-readable report (`--json`), strictly: exact keys, whole numbers, 24 hours. */
export const reportSchema = z.strictObject({
  window: windowSchema,
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
  unreturned: z.array(unreturnedSchema).optional(),
  calls: z.array(callSummarySchema).optional(),
  focus: z.array(focusSchema).optional(),
  previous: previousSchema.optional(),
  comparison: comparisonSchema.optional(),
  ranking: rankingSchema.optional(),
  trend: trendSchema.optional(),
});

/** A report as the schema reads it (structurally the same as core's `Report`). */
export type ReportJson = z.infer<typeof reportSchema>;
