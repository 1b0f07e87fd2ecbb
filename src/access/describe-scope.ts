import type { ChatUser } from '../core/chat-user';
import type { CallScope } from '../core/report-request';

const MAX_LISTED = 8;

/** "extension 101", "extensions 101, 102 and queue 800", "12 extensions and 2 queues", "nothing yet". */
export function describeScope(scope: CallScope): string {
  const parts = [
    describeNumbers(scope.extensions, 'extension'),
    describeNumbers(scope.queues, 'queue'),
  ].filter((part) => part !== '');
  return parts.length === 0 ? 'nothing yet' : parts.join(' and ');
}

/** "extension 102", "extensions 102, 103", "" for none; more than 8 are counted, not listed. */
export function describeNumbers(numbers: readonly string[], noun: 'extension' | 'queue'): string {
  if (numbers.length === 0) return '';
  if (numbers.length === 1) return `${noun} ${numbers[0]}`;
  if (numbers.length > MAX_LISTED) return `${numbers.length} ${noun}s`;
  return `${noun}s ${[...numbers].sort(compareNumeric).join(', ')}`;
}

/** How the asker's account is called where they asked: "Slack account", "Teams account". */
export function describeAccount(platform: ChatUser['platform']): string {
  switch (platform) {
    case 'slack':
      return 'Slack account';
    case 'teams':
      return 'Teams account';
    case 'web':
      return 'playground session';
    case 'cli':
      return 'terminal session';
  }
}

function compareNumeric(left: string, right: string): number {
  return left.length - right.length || (left < right ? -1 : left > right ? 1 : 0);
}
