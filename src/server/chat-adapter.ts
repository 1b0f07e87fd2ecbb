import type { Route } from './http-server';

/** A chat platform plugged into the server: its HTTP routes and, for socket-based ones, a lifecycle. */
export interface ChatAdapter {
  /** For the startup log, e.g. `Slack (HTTP at /slack/events)`. */
  description: string;
  routes: Route[];
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
