/**
 * A Slack request body as Bolt expects it: the JSON of the Events API, the form fields of a slash
 * command, or the JSON in the `payload` field of an interactivity form. Undefined when malformed.
 */
export function parseSlackBody(
  rawBody: string,
  contentType: string | undefined,
): Record<string, unknown> | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return parseJsonObject(rawBody);
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  const form = new URLSearchParams(rawBody);
  const payload = form.get('payload');
  if (payload !== null) return parseJsonObject(payload);
  return Object.fromEntries(form.entries());
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
