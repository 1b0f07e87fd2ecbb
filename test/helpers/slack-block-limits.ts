/** Slack's documented Block Kit limits, checked on a message as Slack would receive it (image blocks included). */

interface TextObject {
  type: string;
  text: string;
}

interface AnyBlock {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: { action_id?: string; value?: string; text?: TextObject | string }[];
  image_url?: string;
  slack_file?: { id?: string; url?: string };
  alt_text?: string;
  title?: TextObject;
}

/** Every limit a message must keep, as `expect` failures naming the block. */
export function expectWithinSlackLimits(message: Record<string, unknown>): void {
  const blocks = message.blocks as AnyBlock[];
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section') {
      expect(block.text ?? block.fields).toBeDefined();
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
    }
    if (block.type === 'context') expect((block.elements ?? []).length).toBeLessThanOrEqual(10);
    if (block.type === 'actions') expect((block.elements ?? []).length).toBeLessThanOrEqual(25);
    if (block.type === 'image') {
      // Exactly one source; alt text 1–2000 characters, title at most 2000, URL at most 3000.
      expect((block.image_url === undefined) !== (block.slack_file === undefined)).toBe(true);
      expect(block.alt_text?.length).toBeGreaterThan(0);
      expect(block.alt_text?.length).toBeLessThanOrEqual(2000);
      if (block.title) {
        expect(block.title.type).toBe('plain_text');
        expect(block.title.text.length).toBeLessThanOrEqual(2000);
      }
      if (block.image_url !== undefined) expect(block.image_url.length).toBeLessThanOrEqual(3000);
    }
  }
  // Slack refuses messages (msg_blocks_too_long) from roughly 13,000 characters of text.
  expect(String(message.text ?? '').length + countBlockText(blocks)).toBeLessThanOrEqual(12_000);
}

/** The image blocks of a message. */
export function imageBlocksOf(message: Record<string, unknown>): AnyBlock[] {
  return ((message.blocks ?? []) as AnyBlock[]).filter((block) => block.type === 'image');
}

/** Every visible text (section texts, fields, context, button labels, alt texts), not button values. */
function countBlockText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countBlockText(item), 0);
  if (!value || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((sum: number, [key, inner]) => {
    if ((key === 'text' || key === 'alt_text') && typeof inner === 'string') return sum + inner.length;
    return key === 'value' ? sum : sum + countBlockText(inner);
  }, 0);
}
