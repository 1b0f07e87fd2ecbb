/**
 * Escapes `&`, `<` and `>` as Slack requires for any text it did not write itself, so that a
 * caller named `<@U123>` or `<!channel>` stays text instead of becoming a mention or a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
