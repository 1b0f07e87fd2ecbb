import { z } from 'zod';
import { isValidTimeZone } from '../config/is-valid-time-zone';

/** `POST /playground/api/command`: what was typed, in the browser's zone. */
export interface CommandRequest {
  text: string;
  timeZone: string | undefined;
}

/** `POST /playground/api/action`: a button's id and value, exactly as the page got them. */
export interface ActionRequest {
  actionId: string;
  value: string;
  timeZone: string | undefined;
}

export type ParsedRequest<T> = { ok: true; value: T } | { ok: false; message: string };

const timeZoneSchema = z.string().min(1).max(100).optional();

const commandSchema = z.strictObject({
  text: z.string().max(2000),
  timeZone: timeZoneSchema,
});

const actionSchema = z.strictObject({
  actionId: z.string().min(1).max(100),
  value: z.string().max(4000),
  timeZone: timeZoneSchema,
});

export function parseCommandRequest(body: Buffer): ParsedRequest<CommandRequest> {
  return parseBody(body, commandSchema, (data) => ({ text: data.text, timeZone: data.timeZone }));
}

export function parseActionRequest(body: Buffer): ParsedRequest<ActionRequest> {
  return parseBody(body, actionSchema, (data) => ({
    actionId: data.actionId,
    value: data.value,
    timeZone: data.timeZone,
  }));
}

/** Bad JSON, a wrong shape and an unknown zone each get a message that says what to send. */
function parseBody<S extends z.ZodType, T extends { timeZone: string | undefined }>(
  body: Buffer,
  schema: S,
  toValue: (data: z.infer<S>) => T,
): ParsedRequest<T> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
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
  const value = toValue(parsed.data);
  if (value.timeZone !== undefined && !isValidTimeZone(value.timeZone)) {
    return {
      ok: false,
      message: `Unknown time zone "${value.timeZone}". Use an IANA name such as Europe/Berlin.`,
    };
  }
  return { ok: true, value };
}
