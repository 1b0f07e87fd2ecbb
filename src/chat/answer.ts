import type { Reply } from '../core/reply';
import type { ExportMimeType } from '../render/render-export';

/** A file for the asker (rows as JSON, calls as CSV or XLSX), delivered privately by the adapter. */
export interface ExportFile {
  filename: string;
  title: string;
  mimeType: ExportMimeType | 'application/json';
  /** Text (written as UTF-8) or bytes (XLSX). */
  content: string | Uint8Array;
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

/** A file's content as the bytes to send: text as UTF-8, bytes as they are. */
export function exportFileBytes(file: Pick<ExportFile, 'content'>): Buffer {
  const { content } = file;
  return typeof content === 'string'
    ? Buffer.from(content, 'utf8')
    : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

/** How many bytes `exportFileBytes` gives, without making them. */
export function exportFileSize(file: Pick<ExportFile, 'content'>): number {
  const { content } = file;
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}
