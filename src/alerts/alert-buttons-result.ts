import type { AlertPersonRef } from '../render/alert-text-style';

/**
 * What became of a click on an alert's button, for the clicker. `claimed` and `released` changed
 * the alert (its message was redrawn in place, unless `updateError` says why not); every other
 * outcome changed nothing.
 */
export type AlertButtonResult =
  | { kind: 'claimed'; updateError?: string }
  | { kind: 'released'; updateError?: string }
  /** The clicker already holds the call-back. */
  | { kind: 'already-yours' }
  /** Someone else holds it. */
  | { kind: 'taken'; holder: AlertPersonRef }
  /** Release by someone who neither holds it nor is an admin. */
  | { kind: 'not-claimer'; holder: AlertPersonRef | undefined }
  /** Release of a call-back nobody holds. */
  | { kind: 'not-claimed' }
  | { kind: 'returned'; byName: string | undefined }
  /** The alert, or its subscription, is no longer kept. */
  | { kind: 'missing' }
  /** The clicker may not see the call (or could not be looked up): the access rules' own words. */
  | { kind: 'forbidden'; message: string; hint?: string }
  /** The button's id or value is not one the bot makes, or belongs to another conversation. */
  | { kind: 'invalid' };
