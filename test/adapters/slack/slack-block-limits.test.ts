import { formatCount } from '../../../src/render/format-number';
import { runCliReport } from '../../helpers/run-cli-in-process';
import { SLACK_NOW, type SlackBotHarness, startSlackBotHarness } from '../../helpers/slack-bot-harness';

interface TextObject {
  type: string;
  text: string;
}

interface AnyBlock {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: (TextObject & { action_id?: string; value?: string; text?: TextObject | string })[];
}

/** Slack's Block Kit limits for a message, checked on what Slack would receive. */
function expectWithinSlackLimits(message: Record<string, unknown>): void {
  const blocks = message.blocks as AnyBlock[];
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section') {
      expect(block.text ?? block.fields).toBeDefined();
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    }
    if (block.type === 'context') expect((block.elements ?? []).length).toBeLessThanOrEqual(10);
    if (block.type === 'actions') {
      expect((block.elements ?? []).length).toBeLessThanOrEqual(25);
      for (const button of block.elements ?? []) {
        expect(String(button.value).length).toBeLessThanOrEqual(2000);
        expect(String(button.action_id).length).toBeLessThanOrEqual(255);
        expect((button.text as TextObject).text.length).toBeLessThanOrEqual(75);
      }
    }
  }
  // Slack refuses messages (msg_blocks_too_long) from roughly 13,000 characters of text.
  expect(String(message.text ?? '').length + countBlockText(blocks)).toBeLessThanOrEqual(12_000);
}

/** Every `text` string in the blocks (section texts, fields, context, button labels), not button values. */
function countBlockText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countBlockText(item), 0);
  if (!value || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((sum: number, [key, inner]) => {
    if (key === 'text' && typeof inner === 'string') return sum + inner.length;
    return key === 'value' ? sum : sum + countBlockText(inner);
  }, 0);
}

describe('a report with more than 500 missed calls keeps to every Block Kit limit', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startSlackBotHarness();
  });
  afterAll(() => harness.close());

  it('last month missed: the list is cut with "…and N more", and the count is the real one', async () => {
    const expected = await runCliReport(['last', 'month', 'missed'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: SLACK_NOW,
    });
    expect(expected.missedCalls.length).toBeGreaterThanOrEqual(500);
    const sent = await harness.sendCommand('last month missed');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expectWithinSlackLimits(answer);
    const texts = (answer.blocks as AnyBlock[]).map((block) => block.text?.text ?? '').join('\n');
    expect(texts).toContain(`*Missed calls (${formatCount(expected.missedCalls.length)})*`);
    expect(texts).toMatch(/…and [\d,]+ more/);
  });

  it('list last month: thousands of calls in one message still fit', async () => {
    const sent = await harness.sendCommand('list last month');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(answer.response_type).toBe('ephemeral');
    expectWithinSlackLimits(answer);
    expect((answer.blocks as AnyBlock[]).map((block) => block.text?.text ?? '').join('\n')).toMatch(
      /…and [\d,]+ more/,
    );
  });
});
