import { describeAlertStatus, describeAlertTitle, listAlertFacts, NO_NUMBER_TEXT } from './alert-sentences';
import { PLAIN_ALERT_STYLE } from './alert-text-style';
import type { AlertView } from './alert-view';

/**
 * A live missed-call alert as plain text (the playground's text pane, logs): the same lines as
 * the chat messages, the Call link as its `tel:` URI and the button in brackets. Pure.
 */
export function renderAlertText(view: AlertView): string {
  const numberLine =
    view.number === undefined
      ? NO_NUMBER_TEXT
      : view.telUri === undefined
        ? view.number
        : `${view.number} · Call: ${view.telUri}`;
  return [
    describeAlertTitle(view, PLAIN_ALERT_STYLE),
    numberLine,
    ...listAlertFacts(view, PLAIN_ALERT_STYLE).map((fact) => `${fact.label}: ${fact.value}`),
    describeAlertStatus(view.status, PLAIN_ALERT_STYLE),
    ...(view.button ? [`[${view.button.label}]`] : []),
  ].join('\n');
}
