import { formatCount } from './format-number';

/** Which way a figure is better: more answered is neither (it follows the calls), fewer missed is. */
export type Better = 'higher' | 'lower' | 'neither';

/** A change against an earlier value, as shown beside the figure: `▲ 15%`, `▼ 3 pp`, `new`, `=`. */
export interface Change {
  text: string;
  tone: 'better' | 'worse' | 'neutral';
}

/**
 * A count's or a duration's change in percent of the earlier value (rounded half up; `<1%` for a
 * change that rounds to nothing); `new` when the earlier value was 0, `=` when equal.
 */
export function describeCountChange(current: number, previous: number, better: Better): Change {
  if (current === previous) return { text: '=', tone: 'neutral' };
  if (previous === 0) return { text: 'new', tone: 'neutral' };
  const percent = Math.floor((Math.abs(current - previous) * 100) / previous + 0.5);
  return withArrow(current > previous, percent === 0 ? '<1%' : `${formatCount(percent)}%`, better);
}

/** A percentage's change in percentage points: `▲ 5 pp`. */
export function describePointChange(current: number, previous: number, better: Better): Change {
  if (current === previous) return { text: '=', tone: 'neutral' };
  return withArrow(current > previous, `${formatCount(Math.abs(current - previous))} pp`, better);
}

/**
 * The change of a rate or an average that may have had nothing to measure: none when the current
 * value has nothing, `new` when only the earlier one had nothing.
 */
export function describeMeasuredChange(
  current: { value: number; measurable: boolean },
  previous: { value: number; measurable: boolean },
  describe: (current: number, previous: number) => Change,
): Change | undefined {
  if (!current.measurable) return undefined;
  if (!previous.measurable) return { text: 'new', tone: 'neutral' };
  return describe(current.value, previous.value);
}

/** The change as shown: `▲ 15%`, with `(better)` or `(worse)` where the direction matters. */
export function formatChange(change: Change): string {
  return change.tone === 'neutral' ? change.text : `${change.text} (${change.tone})`;
}

function withArrow(up: boolean, amount: string, better: Better): Change {
  const tone = better === 'neither' ? 'neutral' : up === (better === 'higher') ? 'better' : 'worse';
  return { text: `${up ? '▲' : '▼'} ${amount}`, tone };
}
