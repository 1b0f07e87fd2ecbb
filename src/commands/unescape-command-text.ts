/** Simple formatting tags Teams wraps message text in; `<at>` mentions are the Teams adapter's job. */
const FORMATTING_TAG =
  /<\/?(?:p|br|div|span|b|strong|i|em|u|s|strike|code|pre|font|ul|ol|li|blockquote|h[1-6])(?:\s[^<>]*)?\/?>/gi;

/** Slack's link markup: `<tel:+4420|+44 20>` shows the label, `<https://x>` the address. */
const SLACK_LABELLED_LINK = /<(?:tel|mailto|https?):[^<>|\s]*\|([^<>]*)>/gi;
const SLACK_BARE_LINK = /<((?:tel|mailto|https?):[^<>|\s]*)>/gi;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
};

/**
 * Turns chat-platform text into what the person typed: formatting tags dropped, HTML entities
 * (Slack's `&amp; &lt; &gt;`, Teams' `&quot; &#39; &nbsp;`) decoded, typographic quotes
 * straightened, and non-breaking spaces made plain. Tags are removed before entities are decoded,
 * so a typed `&lt;p&gt;` stays text.
 */
export function unescapeCommandText(text: string): string {
  return text
    .replace(FORMATTING_TAG, ' ')
    .replace(SLACK_LABELLED_LINK, '$1')
    .replace(SLACK_BARE_LINK, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity)
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u00a0\u2007\u202f\t\r\n]/g, ' ');
}

function decodeEntity(entity: string, body: string): string {
  const lower = body.toLowerCase();
  if (lower.startsWith('#')) {
    const code = lower.startsWith('#x')
      ? Number.parseInt(lower.slice(2), 16)
      : Number.parseInt(lower.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return entity;
    return String.fromCodePoint(code);
  }
  return NAMED_ENTITIES[lower] ?? entity;
}
