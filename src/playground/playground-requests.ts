import { z } from 'zod';
import { isValidTimeZone } from '../config/is-valid-time-zone';
import { describeError } from '../core/errors';
import { normalizeScheduleId } from '../schedule/schedule-id';

/** The zone and locale picked on the page, sent with every command and click. */
export interface PlaygroundAsker {
  timeZone: string | undefined;
  /** As sent (BCP 47); the routes make an invalid one DEFAULT_LOCALE. */
  locale?: string | undefined;
}

/** `POST /playground/api/command`: what was typed, in the zone and locale picked on the page. */
export interface CommandRequest extends PlaygroundAsker {
  text: string;
}

/** `POST /playground/api/action`: a button's id and value, exactly as the page got them. */
export interface ActionRequest extends PlaygroundAsker {
  actionId: string;
  value: string;
}

/** `POST /playground/api/channel/run-now`: the digest to preview in the channel view. */
export interface RunNowRequest {
  /** A digest id as typed; stored form once parsed. */
  id: string;
}

export type ParsedRequest<T> = { ok: true; value: T } | { ok: false; message: string };

const timeZoneSchema = z.string().min(1).max(100).optional();
const localeSchema = z.string().max(100).optional();

const commandSchema = z.strictObject({
  text: z.string().max(2000),
  timeZone: timeZoneSchema,
  locale: localeSchema,
});

const actionSchema = z.strictObject({
  actionId: z.string().min(1).max(100),
  value: z.string().max(4000),
  timeZone: timeZoneSchema,
  locale: localeSchema,
});

const runNowSchema = z.strictObject({
  id: z.string().max(40),
});

export function parseCommandRequest(body: Buffer): ParsedRequest<CommandRequest> {
  return parseBody(body, commandSchema, (data) =>
    withKnownZone({ text: data.text, timeZone: data.timeZone, locale: data.locale }),
  );
}

export function parseActionRequest(body: Buffer): ParsedRequest<ActionRequest> {
  return parseBody(body, actionSchema, (data) =>
    withKnownZone({
      actionId: data.actionId,
      value: data.value,
      timeZone: data.timeZone,
      locale: data.locale,
    }),
  );
}

export function parseRunNowRequest(body: Buffer): ParsedRequest<RunNowRequest> {
  return parseBody(body, runNowSchema, (data): ParsedRequest<RunNowRequest> => {
    const id = normalizeScheduleId(data.id);
    if (id) return { ok: true, value: { id } };
    return {
      ok: false,
      message: `"${data.id}" is not a digest id: ids are 6 letters and digits, like k3m9qa.`,
    };
  });
}

/** Bad JSON and a wrong shape each get a message that says what to send; then `toValue` checks the rest. */
function parseBody<S extends z.ZodType, T>(
  body: Buffer,
  schema: S,
  toValue: (data: z.infer<S>) => ParsedRequest<T>,
): ParsedRequest<T> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    const reason = describeError(error);
    return { ok: false, message: `The request body is not valid JSON (${reason}).` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`,
    );
    return {
      ok: false,
      message: `The request body is not what the playground expects: ${problems.join('; ')}.`,
    };
  }
  return toValue(parsed.data);
}

/** An unknown zone gets a message that names a known one. */
function withKnownZone<T extends { timeZone: string | undefined }>(value: T): ParsedRequest<T> {
  if (value.timeZone !== undefined && !isValidTimeZone(value.timeZone)) {
    return {
      ok: false,
      message: `Unknown time zone "${value.timeZone}". Use an IANA name such as Europe/Berlin.`,
    };
  }
  return { ok: true, value };
}
