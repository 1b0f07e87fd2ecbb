/**
 * The Bot Connector's answer in a few words: the HTTP status and what it usually means. No token,
 * no URL. A 404 to a request about one of the bot's messages (`message`: an update, a reply) means
 * that message or its conversation is gone; to any other, the conversation.
 */
export function describeConnectorError(
  error: unknown,
  about: 'conversation' | 'message' = 'conversation',
): string {
  const status = statusOf(error);
  if (status === 403) return 'HTTP 403: the bot was removed from this conversation or may not post there';
  if (status === 404) {
    return about === 'message'
      ? 'HTTP 404: the message was deleted, or its conversation no longer exists'
      : 'HTTP 404: the conversation no longer exists';
  }
  if (status !== undefined) return `HTTP ${status}`;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'no answer from the Bot Connector';
}

/** The HTTP status the Bot Connector answered with, when it answered. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
