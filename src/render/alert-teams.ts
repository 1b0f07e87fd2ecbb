import type { AdaptiveCard, CardElement, TextBlock } from './adaptive-card';
import { describeAlertStatus, describeAlertTitle, listAlertFacts, NO_NUMBER_TEXT } from './alert-sentences';
import { type AlertTextStyle, PLAIN_ALERT_STYLE, TEAMS_ALERT_STYLE } from './alert-text-style';
import type { AlertView } from './alert-view';

const style: AlertTextStyle = TEAMS_ALERT_STYLE;

/** An alert's button: Teams sends `data` back as the activity's `value` (Action.Submit). */
export interface AlertSubmitAction {
  type: 'Action.Submit';
  title: string;
  data: { action: string; value: string };
  style?: 'positive';
}

/** The alert's Adaptive Card: the report card's shape, with the alert's own buttons. */
export type AlertCard = Omit<AdaptiveCard, 'actions'> & { actions?: AlertSubmitAction[] };

/**
 * A live missed-call alert as an Adaptive Card 1.5: the title, the number with its **Call** link
 * (`[Call](tel:…)`, absent when masked), a FactSet of when / where / how long, the call-back's
 * state, and its one button. Pure: the view in, the card out.
 */
export function renderAlertTeams(view: AlertView): AlertCard {
  const status = view.status;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: describeAlertTitle(view, style),
      weight: 'Bolder',
      size: 'Medium',
      style: 'heading',
      wrap: true,
    },
    { type: 'TextBlock', text: describeNumberLine(view), spacing: 'Small', wrap: true },
    {
      type: 'FactSet',
      facts: listAlertFacts(view, style).map((fact) => ({ title: fact.label, value: fact.value })),
    },
    {
      type: 'TextBlock',
      text: describeAlertStatus(status, style),
      wrap: true,
      ...(status.kind === 'open' && { isSubtle: true }),
      ...(status.kind === 'returned' && { color: 'Good' as const }),
      ...(status.kind === 'claimed' && { weight: 'Bolder' as const }),
    },
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(view.button && {
      actions: [
        {
          type: 'Action.Submit',
          title: view.button.label,
          data: { action: view.button.actionId, value: view.button.value },
          ...(view.button.action === 'claim' && { style: 'positive' as const }),
        },
      ],
    }),
    fallbackText: describeAlertTitle(view, PLAIN_ALERT_STYLE),
  };
}

/** A reply in the conversation (a reminder, an answer to a click): one wrapping TextBlock. */
export function renderAlertNoteTeams(text: string): AlertCard {
  const block: TextBlock = { type: 'TextBlock', text, wrap: true };
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [block],
  };
}

function describeNumberLine(view: AlertView): string {
  if (view.number === undefined) return `_${NO_NUMBER_TEXT}_`;
  const number = style.escape(view.number);
  return view.telUri === undefined ? number : `${number} · [Call](${view.telUri})`;
}
