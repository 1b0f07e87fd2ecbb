import type { ExtensionFocus } from '../core/answers';
import type { ExtensionStats, Report } from '../core/report';
import { shortName } from './describe-call';
import { formatSpokenDuration } from './format-duration';
import { formatCount, plural } from './format-number';
import { orNothing } from './nothing-to-measure';

/** Who a focus entry is: `Ben Okafor (ext 101)`, or `ext 101` without a name (cleaned, not escaped). */
export function describeFocusWho(entry: ExtensionFocus): string {
  const name = shortName(entry.name);
  const extension = shortName(entry.extension);
  return name ? `${name} (ext ${extension})` : `ext ${extension}`;
}

/**
 * An extension's own figures in a sentence: `offered 29, answered 25, not picked up 4, missed 3,
 * outbound 12, talk 2h 03m, avg talk 4m 12s, avg ring 8s`; averages with nothing to average "—".
 */
export function describeFocusFigures(entry: ExtensionFocus): string {
  return [
    `offered ${formatCount(entry.offered)}`,
    `answered ${formatCount(entry.answered)}`,
    `not picked up ${formatCount(entry.notPickedUp)}`,
    `missed ${formatCount(entry.missed)}`,
    `outbound ${formatCount(entry.outbound)}`,
    `talk ${formatSpokenDuration(entry.talkSeconds)}`,
    `avg talk ${orNothing(formatSpokenDuration(entry.avgTalkSeconds), entry.talkSeconds > 0)}`,
    `avg ring ${orNothing(formatSpokenDuration(entry.avgRingSeconds), entry.answered > 0)}`,
  ].join(', ');
}

/** The title over the own figures: `Ben Okafor's own calls`, or `Each one's own calls` for several. */
export function describeFocusTitle(focus: ExtensionFocus[]): string {
  const [only] = focus;
  if (focus.length !== 1 || !only) return "Each one's own calls";
  const name = shortName(only.name);
  return name ? `${name}'s own calls` : `Ext ${shortName(only.extension)}'s own calls`;
}

/**
 * What the call-level totals count, when a filter makes it unclear: `69 calls reached ext 101 or
 * were made by it; 46 of them were answered, by anyone.` with named extensions (the report's focus;
 * the spec's "69 calls reached ext 101", made true of the outbound calls the totals also count),
 * `120 calls went through queue 800; 98 of them were answered.` with a queue filter; `All calls in
 * the period:` under a ranking or a trend. Null when the totals are simply the summary's.
 */
export function describeTotalsScope(report: Report): string | null {
  const extensions = (report.focus ?? []).map((entry) => entry.extension);
  const { queues } = report.filters;
  if (extensions.length === 0 && queues.length === 0) {
    // Under a ranking or a trend, the figures are the whole period's.
    return report.ranking || report.trend ? 'All calls in the period:' : null;
  }
  const { calls, answered } = report.totals;
  const made = `${calls === 1 ? 'was' : 'were'} made by ${extensions.length === 1 ? 'it' : 'one of them'}`;
  const where = [
    extensions.length > 0 ? `reached ext ${listOr(extensions)} or ${made}` : '',
    queues.length > 0 ? `went through queue ${listOr(queues)}` : '',
  ]
    .filter((part) => part.length > 0)
    .join(' and ');
  const byAnyone = extensions.length > 0 ? ', by anyone' : '';
  if (calls === 0) return `No calls ${where}.`;
  if (calls === 1)
    return `1 call ${where}; it was ${answered > 0 ? '' : 'not '}answered${answered > 0 ? byAnyone : ''}.`;
  return `${plural(calls, 'call')} ${where}; ${formatCount(answered)} of them ${answered === 1 ? 'was' : 'were'} answered${byAnyone}.`;
}

/** The title over the per-extension table: `Also involved` beside named extensions, else `Busiest extensions`. */
export function describeExtensionsTitle(report: Report): string {
  return (report.focus ?? []).length > 0 ? 'Also involved' : 'Busiest extensions';
}

/** The extensions involved besides the named ones (all of them when none is named). */
export function listOtherExtensions(report: Report): ExtensionStats[] {
  const named = new Set((report.focus ?? []).map((entry) => entry.extension));
  return report.byExtension.filter((row) => !named.has(row.extension));
}

/** `101`, `101 or 102`, `101, 102 or 103` (cleaned). */
function listOr(items: string[]): string {
  const clean = items.map(shortName);
  if (clean.length <= 1) return clean.join('');
  return `${clean.slice(0, -1).join(', ')} or ${clean.at(-1)}`;
}
