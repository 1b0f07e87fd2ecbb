import { buildHomeView } from '../../../src/adapters/slack/build-home-view';
import { decodeActionValue } from '../../../src/chat/action-value';
import type { ActionsBlock } from '../../../src/render/slack-blocks';

describe('buildHomeView', () => {
  it('offers my calls, today, yesterday and last week as summary buttons with distinct action ids', () => {
    const view = buildHomeView();
    expect(view.type).toBe('home');
    const actions = view.blocks.filter((block): block is ActionsBlock => block.type === 'actions');
    expect(actions).toHaveLength(1);
    const buttons = actions[0]?.elements ?? [];
    expect(
      buttons.map((button) => [button.action_id, button.text.text, decodeActionValue(button.value)]),
    ).toEqual([
      ['calls_summary.me-today', 'My calls', { command: 'me today', focus: 'summary' }],
      ['calls_summary.today', 'Today', { command: 'today', focus: 'summary' }],
      ['calls_summary.yesterday', 'Yesterday', { command: 'yesterday', focus: 'summary' }],
      ['calls_summary.last-week', 'Last week', { command: 'last week', focus: 'summary' }],
    ]);
  });

  it('shows the usage under the buttons, within Slack limits for a Home view', () => {
    const view = buildHomeView();
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('/calls last week ext 101');
    expect(text).toContain('Views: `summary`');
    expect(text).toContain('`last week ext 101`');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const block of view.blocks) {
      if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
  });
});
