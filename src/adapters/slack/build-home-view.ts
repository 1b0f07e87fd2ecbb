import { encodeActionValue } from '../../chat/action-value';
import { usageText } from '../../commands/usage';
import { renderSlack } from '../../render/render-slack';
import type { ButtonElement, SlackBlock } from '../../render/slack-blocks';

/** The App Home tab as `views.publish` takes it. */
export interface HomeView {
  type: 'home';
  blocks: SlackBlock[];
}

const QUICK_PERIODS = [
  { label: 'My calls', command: 'me today' },
  { label: 'Today', command: 'today' },
  { label: 'Yesterday', command: 'yesterday' },
  { label: 'Last week', command: 'last week' },
] as const;

/**
 * The App Home: quick buttons for the asker's own calls today (`me today`: their extension), and
 * today, yesterday and last week within what they may see (answered in the asker's DM with
 * the bot, since Home has no response_url) and the usage of `/calls`. A button's `action_id` is
 * `calls_summary.<period>`: unique in its block, and read as the `summary` action.
 */
export function buildHomeView(): HomeView {
  const buttons: ButtonElement[] = QUICK_PERIODS.map(({ label, command }) => ({
    type: 'button',
    action_id: `calls_summary.${command.replace(/\s+/g, '-')}`,
    text: { type: 'plain_text', text: label, emoji: true },
    value: encodeActionValue({ command, focus: 'summary' }),
  }));
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Calls on the phone system', emoji: true } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Type `/calls` with a question in any channel or DM, e.g. `/calls last week ext 101`; only you see the answer until you share it. Or press a button: the summary arrives in your messages with me.',
        },
      },
      { type: 'actions', elements: buttons },
      { type: 'divider' },
      ...renderSlack({ kind: 'help', text: usageText() }).blocks,
    ],
  };
}
