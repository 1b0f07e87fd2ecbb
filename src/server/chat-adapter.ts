import type { Route } from './http-server';

/** A chat platform plugged into the server: its HTTP routes and, for socket-based ones, a lifecycle. */
export interface ChatAdapter {
  /** For the startup log, e.g. `Slack (HTTP at /slack/events)`. */
  description: string;
  routes: Route[];
  start?(): Promise<void>;
  /**
   * Waits for the work in hand, up to `graceMs` (default: for all of it); the askers still
   * waiting then are told the bot is restarting where the platform allows.
   */
  stop?(graceMs?: number): Promise<void>;
}
