import { cleanText } from './clean-text';

/** A caller as `Jane Caller (+442071234567)`, or whichever part is known; `Unknown` when neither is. */
export function describeCaller(number: string, name: string): string {
  const cleanNumber = cleanText(number);
  const cleanName = cleanText(name);
  if (cleanName && cleanNumber && cleanName !== cleanNumber) return `${cleanName} (${cleanNumber})`;
  return cleanName || cleanNumber || 'Unknown';
}

/** A callee (usually an extension or queue) as `101 Ben Okafor`, or whichever part is known. */
export function describeCallee(number: string, name: string): string {
  const cleanNumber = cleanText(number);
  const cleanName = cleanText(name);
  if (cleanName && cleanNumber && cleanName !== cleanNumber) return `${cleanNumber} ${cleanName}`;
  return cleanNumber || cleanName || 'Unknown';
}
