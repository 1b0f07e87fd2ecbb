import type { ReplyActionId } from '../core/reply';

/** Every button id a reply may carry, in the order a report offers them (Summary stands where Missed calls would). */
export const REPLY_ACTION_IDS: readonly ReplyActionId[] = [
  'summary',
  'missed',
  'by-extension',
  'previous',
  'next',
  'export-csv',
  'export-xlsx',
  'share',
  'list',
];

/** Whether an id that came back with a click is one of ours. */
export function isReplyActionId(id: string): id is ReplyActionId {
  return (REPLY_ACTION_IDS as readonly string[]).includes(id);
}
