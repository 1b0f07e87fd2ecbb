/** The few Block Kit shapes the Slack renderer emits (our own types: no @slack packages here). */
export interface PlainTextObject {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MrkdwnTextObject {
  type: 'mrkdwn';
  text: string;
}

export interface HeaderBlock {
  type: 'header';
  text: PlainTextObject;
}

/** A section with `text`, `fields` (at most 10), or both. */
export interface SectionBlock {
  type: 'section';
  text?: MrkdwnTextObject;
  fields?: MrkdwnTextObject[];
}

export interface ContextBlock {
  type: 'context';
  elements: MrkdwnTextObject[];
}

export interface DividerBlock {
  type: 'divider';
}

export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainTextObject;
  value: string;
  style?: 'primary' | 'danger';
}

export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}

/** An image by a public URL or by an uploaded Slack file; `alt_text` is required. */
export type ImageBlock = {
  type: 'image';
  alt_text: string;
  title?: PlainTextObject;
} & ({ image_url: string } | { slack_file: { id: string } });

export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock | ImageBlock;

/** A message for chat.postMessage / respond: `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/**
 * Slack's limits the renderer keeps to. `maxTotalTextChars` is ours: Slack rejects messages with
 * `msg_blocks_too_long` at roughly 13,000 characters of block text, below its documented limits.
 */
export const SLACK_LIMITS = {
  maxBlocks: 50,
  maxSectionTextChars: 3000,
  maxFields: 10,
  maxFieldChars: 2000,
  maxHeaderChars: 150,
  maxContextElements: 10,
  maxActionElements: 25,
  maxButtonTextChars: 75,
  maxButtonValueChars: 2000,
  maxActionIdChars: 255,
  maxTotalTextChars: 12000,
  maxImageUrlChars: 3000,
  maxImageTextChars: 2000,
} as const;

/** The visible text of a message: fallback text plus every block's texts, button labels (not values) and image texts. */
export function measureSlackText(message: SlackMessage): number {
  return message.text.length + message.blocks.reduce((sum, block) => sum + measureBlockText(block), 0);
}

/** The visible text of one block, in UTF-16 units. */
export function measureBlockText(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (
        (block.text?.text.length ?? 0) +
        (block.fields ?? []).reduce((sum, field) => sum + field.text.length, 0)
      );
    case 'context':
      return block.elements.reduce((sum, element) => sum + element.text.length, 0);
    case 'divider':
      return 0;
    case 'actions':
      return block.elements.reduce((sum, element) => sum + element.text.text.length, 0);
    case 'image':
      return block.alt_text.length + (block.title?.text.length ?? 0);
  }
}
