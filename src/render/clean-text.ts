import { stripBidiControls } from '../core/strip-bidi-controls';

/**
 * PBX- or user-provided text made safe for one line: control characters (newlines, tabs, ANSI
 * escapes) become spaces, bidi controls are removed (`stripBidiControls`) and the ends are trimmed.
 */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return stripBidiControls(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')).trim();
}

/** Cuts `text` to at most `maxChars` UTF-16 units, ending with `…` when it was cut. */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars <= 1) return '…'.slice(0, maxChars);
  let cut = text.slice(0, maxChars - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}
