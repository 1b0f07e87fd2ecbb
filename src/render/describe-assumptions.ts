import type { Assumption } from '../core/report-request';
import { cleanText } from './clean-text';

/**
 * How the asker's words were read, one line each for every rendering (Slack's context block,
 * Teams' subtle text, the terminal): `Assumed: 3/11 read day-first from your locale en-GB`.
 * The texts quote what was typed, so they are cleaned to one line; renderers escape them.
 */
export function describeAssumptions(assumptions: readonly Assumption[] | undefined): string[] {
  return (assumptions ?? [])
    .map((assumption) => cleanText(assumption.text))
    .filter((text) => text.length > 0)
    .map((text) => `Assumed: ${text}`);
}
