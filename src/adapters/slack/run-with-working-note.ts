/** What `runWithWorkingNote` gives back: the work's result, and whether the note went out first. */
export interface NotedResult<T> {
  result: T;
  noted: boolean;
}

/**
 * Runs `work`; when it has not finished after `delayMs`, calls `notify` once (a "Working on it…"
 * message), so the asker knows a slow report is coming. A failed note counts as not sent; an
 * infinite `delayMs` means no note.
 */
export async function runWithWorkingNote<T>(
  work: () => Promise<T>,
  options: { delayMs: number; notify: () => Promise<unknown> },
): Promise<NotedResult<T>> {
  let note: Promise<boolean> | undefined;
  const sendNote = () => {
    note = options.notify().then(
      () => true,
      () => false,
    );
  };
  const timer = Number.isFinite(options.delayMs) ? setTimeout(sendNote, options.delayMs) : undefined;
  let result: T;
  try {
    result = await work();
  } finally {
    clearTimeout(timer);
  }
  const noted = note ? await note : false;
  return { result, noted };
}
