import type { TextBlock } from './adaptive-card';

/** Plain wrapped text. */
export function textBlock(text: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** A bold section title with a line above it. */
export function sectionTitle(text: string): TextBlock {
  return textBlock(text, { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Medium' });
}

/**
 * Lines of text as blocks one under the other (Teams joins single newlines within a block): a
 * blank line becomes a gap above the next block rather than an empty block, which shows nothing.
 */
export function stackLines(lines: string[], toBlock: (line: string) => TextBlock): TextBlock[] {
  const blocks: TextBlock[] = [];
  let gap = false;
  for (const line of lines) {
    if (line.trim().length === 0) {
      gap = blocks.length > 0;
      continue;
    }
    blocks.push({ ...toBlock(line), spacing: gap ? 'Medium' : 'None' });
    gap = false;
  }
  return blocks;
}
