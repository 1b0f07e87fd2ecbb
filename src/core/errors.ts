/**
 * Errors a person can act on. Each carries a message that says what went wrong and a hint that
 * says what to do next; neither may ever contain a secret. Anything that is not an `AppError` is
 * a bug: adapters log it with a reference id and show the user only that id.
 */
export type AppErrorKind =
  /** The command could not be read (exit code 2). */
  | 'command'
  /** The bot's configuration is wrong (exit code 2). */
  | 'config'
  /** The PBX answered with an error (exit code 1). */
  | 'pbx'
  /** The PBX did not answer: timeout, refused, DNS, cut connection (exit code 1). */
  | 'unreachable'
  /** The asker may not see this (access rules). */
  | 'forbidden'
  /** Who is asking could not be checked just now (the chat platform's lookup failed): try again (exit code 1). */
  | 'identity';

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly hint: string | undefined;

  constructor(kind: AppErrorKind, message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.kind = kind;
    this.hint = hint;
  }
}

/**
 * A command that could not be read; `example` is a corrected command the user can copy, `unread`
 * the phrases nothing read (as the message quotes them; empty when the words read but were wrong).
 */
export class CommandError extends AppError {
  readonly example: string | undefined;
  readonly unread: readonly string[];

  constructor(message: string, example?: string, unread: readonly string[] = []) {
    super('command', message, example ? `Try: ${example}` : undefined);
    this.name = 'CommandError';
    this.example = example;
    this.unread = unread;
  }
}

/** Exit code for the CLI: 2 for the user's or admin's mistakes, 1 for upstream failures. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof AppError && (error.kind === 'command' || error.kind === 'config')) return 2;
  return 1;
}

/** A thrown value as one line of text for a log or a reply: an Error's message, else the value itself. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
