/** One word of a schedule command, with where it stands in the text (so the rest can be cut off as typed). */
export interface ScheduleWord {
  /** As typed; for a quoted word, the text between the quotes. */
  text: string;
  lower: string;
  start: number;
  end: number;
  quoted: boolean;
}

const WORD = /"([^"]*)"?|'([^']*)'?|,|[^\s,"']+/g;

/** Splits on spaces; a comma is a word of its own; quotes keep a cron expression together. */
export function splitScheduleWords(text: string): ScheduleWord[] {
  const words: ScheduleWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const quotedText = match[1] ?? match[2];
    const wordText = quotedText ?? match[0];
    const start = match.index;
    words.push({
      text: wordText,
      lower: wordText.toLowerCase(),
      start,
      end: start + match[0].length,
      quoted: quotedText !== undefined,
    });
  }
  return words;
}
