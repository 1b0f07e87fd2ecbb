import type { Reply } from '../core/reply';

/** A file for the asker (rows as JSON, calls as CSV), delivered privately by the adapter. */
export interface ExportFile {
  filename: string;
  title: string;
  mimeType: 'text/csv' | 'application/json';
  content: string;
}

/** What the chat service answers: the reply, files to deliver, and whether to post it in the channel. */
export interface Answer {
  reply: Reply;
  files: ExportFile[];
  /** Share to channel: post the reply visibly instead of privately. */
  share: boolean;
}

export function answerWith(reply: Reply, extras: Partial<Omit<Answer, 'reply'>> = {}): Answer {
  return { reply, files: extras.files ?? [], share: extras.share ?? false };
}
