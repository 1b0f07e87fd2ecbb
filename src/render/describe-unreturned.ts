import { CALLBACK_STATE_ORDER, type CallbackState, type UnreturnedCall } from '../core/callbacks';
import type { Report } from '../core/report';
import { cleanText, truncateText } from './clean-text';
import { describeCallee } from './describe-party';
import { formatCount } from './format-number';
import { formatTimeOfDay } from './format-time-of-day';
import { readLocalTime } from './read-local-time';
import { telUri } from './tel-uri';

const MAX_PARTY_CHARS = 60;

/** The unreturned calls of one state, in the list's order (oldest first). */
export interface UnreturnedGroup {
  state: CallbackState;
  /** `Open (3)`, `Returned (1)`. */
  title: string;
  calls: UnreturnedCall[];
}

const STATE_TITLES: Readonly<Record<CallbackState, string>> = {
  open: 'Open',
  tried: 'Tried',
  returned: 'Returned',
  anonymous: 'Anonymous',
};

/** The calls by state (open, tried, returned, anonymous), only the states that have calls. */
export function groupUnreturned(calls: readonly UnreturnedCall[]): UnreturnedGroup[] {
  return CALLBACK_STATE_ORDER.flatMap((state) => {
    const inState = calls.filter((call) => call.state === state);
    return inState.length === 0
      ? []
      : [{ state, title: `${STATE_TITLES[state]} (${formatCount(inState.length)})`, calls: inState }];
  });
}

/** The state in words: `open`, `tried 2×`, `✓ returned by Ben Okafor 12 min later`, `anonymous`. */
export function describeCallbackState(call: UnreturnedCall): string {
  switch (call.state) {
    case 'open':
      return 'open';
    case 'tried':
      return `tried ${formatCount(call.attempts)}×`;
    case 'returned':
      return describeReturn(call.returnedBy, call.returnedAfterSeconds ?? 0);
    case 'anonymous':
      return 'anonymous';
  }
}

/**
 * `✓ returned by Ben Okafor 12 min later` (a returner without a name: by their extension; one the
 * reader may not see is "a colleague"). Shared with live alerts, whose message says the same.
 */
export function describeReturn(
  returnedBy: { extension: string; name: string } | null,
  afterSeconds: number,
): string {
  const name = cleanText(returnedBy?.name ?? '');
  const extension = cleanText(returnedBy?.extension ?? '');
  const who = name || (extension ? `ext ${extension}` : 'someone');
  return `✓ returned by ${truncateText(who, MAX_PARTY_CHARS)} ${formatReturnDelay(afterSeconds)} later`;
}

/** How long after the miss: `45 s`, `12 min`, `2 h 5 min`, `3 days`; minutes and hours rounded half up. */
export function formatReturnDelay(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
  if (total < 60) return `${total} s`;
  const minutes = Math.floor((total + 30) / 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const rest = minutes % 60;
    return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
  }
  return `${Math.floor((minutes + 12 * 60) / (24 * 60))} days`;
}

/** How a line writes the caller: text escaped for the platform, a dialable number as a link. */
export interface PartyStyle {
  escape(text: string): string;
  /** `label` (already escaped) linking to `uri` (`tel:…`). */
  link(uri: string, label: string): string;
}

/** Plain text: nothing escaped, no links. */
export const PLAIN_STYLE: PartyStyle = { escape: (text) => text, link: (_uri, label) => label };

/** `Jane Caller (+442071234567)` with the number a `tel:` link when it is shown in full. */
export function describeUnreturnedCaller(call: UnreturnedCall, style: PartyStyle): string {
  const name = truncateText(cleanText(call.fromName), MAX_PARTY_CHARS);
  const number = truncateText(cleanText(call.from), MAX_PARTY_CHARS);
  const uri = telUri(cleanText(call.from));
  const shownNumber = number && (uri ? style.link(uri, style.escape(number)) : style.escape(number));
  if (name && number && name !== number) return `${style.escape(name)} (${shownNumber})`;
  return shownNumber || style.escape(name) || 'Unknown';
}

/** One entry as a line's parts: when, then `caller → where it ended · state`. */
export function describeUnreturnedLine(
  call: UnreturnedCall,
  style: PartyStyle,
): { when: string; summary: string } {
  const to = style.escape(truncateText(describeCallee(call.to, call.toName), MAX_PARTY_CHARS * 2));
  const state = style.escape(describeCallbackState(call));
  return {
    when: formatTimeOfDay(call.start),
    summary: `${describeUnreturnedCaller(call, style)} → ${to} · ${state}`,
  };
}

/**
 * What an empty list says: `No missed calls today — nobody is waiting.` for a day that runs until
 * now (from local midnight to a time that day), `… on Tue 17 Nov …` for a whole day, else `… in
 * this window …`.
 */
export function describeNoMisses(report: Pick<Report, 'window'>): string {
  const from = readLocalTime(report.window.from);
  const to = readLocalTime(report.window.to);
  const midnight = (time: NonNullable<typeof from>) =>
    time.hour === 0 && time.minute === 0 && time.second === 0;
  const sameDate = (a: NonNullable<typeof from>, b: NonNullable<typeof from>) =>
    a.year === b.year && a.month === b.month && a.day === b.day;
  let when = 'in this window';
  if (from && to && midnight(from)) {
    if (sameDate(from, to) && !midnight(to)) when = 'today';
    else if (midnight(to) && Date.parse(report.window.to) - Date.parse(report.window.from) <= 25 * 3_600_000)
      when = `on ${formatTimeOfDay(report.window.from).replace(/ 00:00$/, '')}`;
  }
  return `No missed calls ${when} — nobody is waiting.`;
}

/** `2 waiting for a call back (1 open, 1 tried), 3 returned, 1 anonymous`, or the empty text. */
export function summarizeUnreturned(report: Pick<Report, 'window' | 'unreturned'>): string {
  const calls = report.unreturned ?? [];
  if (calls.length === 0) return describeNoMisses(report);
  const count = (state: CallbackState) => calls.filter((call) => call.state === state).length;
  const open = count('open');
  const tried = count('tried');
  const parts = [
    `${formatCount(open + tried)} waiting for a call back (${formatCount(open)} open, ${formatCount(tried)} tried)`,
  ];
  parts.push(`${formatCount(count('returned'))} returned`);
  if (count('anonymous') > 0) parts.push(`${formatCount(count('anonymous'))} anonymous`);
  return parts.join(', ');
}
