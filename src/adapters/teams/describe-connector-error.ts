/** The Bot Connector's answer in a few words: the HTTP status and what it usually means. No token, no URL. */
export function describeConnectorError(error: unknown): string {
  const status = statusOf(error);
  if (status === 403) return 'HTTP 403: the bot was removed from this conversation or may not post there';
  if (status === 404) return 'HTTP 404: the conversation no longer exists';
  if (status !== undefined) return `HTTP ${status}`;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'no answer from the Bot Connector';
}

/** The HTTP status the Bot Connector answered with, when it answered. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
