import { describeAlertStatus, describeAlertTitle, listAlertFacts, NO_NUMBER_TEXT } from './alert-sentences';
import type { AlertTextStyle } from './alert-text-style';
import { SLACK_ALERT_STYLE } from './alert-text-style';
import type { AlertView } from './alert-view';
import type { SlackBlock, SlackMessage } from './slack-blocks';

const style: AlertTextStyle = SLACK_ALERT_STYLE;

/**
 * A live missed-call alert as a Block Kit message: the title, the number with its **Call** link
 * (`<tel:…|Call>`, absent when masked), when / where / how long as fields, the call-back's state,
 * and its one button ("I'll call back" while open, "Release" while claimed, none once returned).
 * Pure: the view in, the message out.
 */
export function renderAlertSlack(view: AlertView): SlackMessage {
  const title = describeAlertTitle(view, style);
  const status = describeAlertStatus(view.status, style);
  const blocks: SlackBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${describeNumberLine(view)}` } },
    {
      type: 'section',
      fields: listAlertFacts(view, style).map((fact) => ({
        type: 'mrkdwn' as const,
        text: `*${fact.label}*\n${fact.value}`,
      })),
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: status }] },
  ];
  if (view.button) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: view.button.actionId,
          text: { type: 'plain_text', text: view.button.label, emoji: true },
          value: view.button.value,
          ...(view.button.action === 'claim' && { style: 'primary' as const }),
        },
      ],
    });
  }
  const number = view.number === undefined ? '' : ` (${style.escape(view.number)})`;
  return { text: `${title}${number}, ${style.escape(view.when)}. ${status}`, blocks };
}

/** A thread reply or an ephemeral note: one mrkdwn section, its text the fallback too. */
export function renderAlertNoteSlack(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

function describeNumberLine(view: AlertView): string {
  if (view.number === undefined) return `_${NO_NUMBER_TEXT}_`;
  const number = style.escape(view.number);
  return view.telUri === undefined ? number : `${number} · <${view.telUri}|Call>`;
}
