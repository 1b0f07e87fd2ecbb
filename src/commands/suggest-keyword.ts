import { SUGGESTABLE_WORDS } from './command-vocabulary';

/**
 * The keyword a mistyped word most likely meant (`yesterdy` -> `yesterday`, `lsat` -> `last`), or
 * undefined when none is close: one edit for words of 3-5 letters, two for longer ones. Two
 * keywords typed without their space come back with it (`lastweek` -> `last week`).
 */
export function suggestKeyword(
  word: string,
  candidates: readonly string[] = SUGGESTABLE_WORDS,
): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3 || !/^[a-z-]+$/.test(lower)) return undefined;
  const glued = splitGlued(lower, candidates);
  if (glued) return glued;
  const allowedEdits = lower.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = allowedEdits + 1;
  for (const candidate of candidates) {
    if (candidate === lower) return undefined;
    const distance = measureEditDistance(lower, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function splitGlued(word: string, candidates: readonly string[]): string | undefined {
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const [first, second] = [word.slice(0, cut), word.slice(cut)];
    if (candidates.includes(first) && candidates.includes(second)) return `${first} ${second}`;
  }
  return undefined;
}

/** Optimal string alignment distance (insert, delete, substitute, swap neighbours); stops at `limit`. */
export function measureEditDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      row.push(value);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
