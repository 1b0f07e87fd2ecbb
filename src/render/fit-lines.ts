/** How much of a list may be shown. `totalCount` (default: the lines given) counts entries not even turned into lines. */
export interface FitLimits {
  maxChars: number;
  maxItems: number;
  totalCount?: number;
}

/**
 * The first lines of a list that fit in `maxChars` (joined with newlines) and `maxItems`, followed
 * by `describeMore(hidden)` when entries were left out; the result still fits in `maxChars`.
 */
export function fitLines(
  lines: string[],
  limits: FitLimits,
  describeMore: (hiddenCount: number) => string,
): string[] {
  const totalCount = Math.max(limits.totalCount ?? lines.length, lines.length);
  const joinedLength = lines.reduce((sum, line) => sum + line.length, 0) + Math.max(0, lines.length - 1);
  if (totalCount === lines.length && lines.length <= limits.maxItems && joinedLength <= limits.maxChars)
    return [...lines];
  const reserve = describeMore(totalCount).length + 1;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines.slice(0, limits.maxItems)) {
    const next = used + line.length + (kept.length > 0 ? 1 : 0);
    if (next + reserve > limits.maxChars) break;
    kept.push(line);
    used = next;
  }
  const more = describeMore(totalCount - kept.length);
  return used + (kept.length > 0 ? 1 : 0) + more.length <= limits.maxChars ? [...kept, more] : kept;
}

/** Groups lines into chunks whose newline-joined text is at most `maxChars` (a longer line is cut). */
export function chunkLines(lines: string[], maxChars: number): string[] {
  const chunks: string[] = [];
  let current: string | null = null;
  for (const rawLine of lines) {
    const line = rawLine.length > maxChars ? `${rawLine.slice(0, maxChars - 1)}…` : rawLine;
    if (current === null) current = line;
    else if (current.length + 1 + line.length <= maxChars) current = `${current}\n${line}`;
    else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== null) chunks.push(current);
  return chunks;
}
