import { escapeMrkdwn } from './escape-mrkdwn';
import { escapeTeamsMarkdown } from './escape-teams-markdown';

/** A person an alert names: who took the call-back (`platform` and `id` as their chat platform gave them). */
export interface AlertPersonRef {
  platform: string;
  id: string;
  name?: string;
}

/** How one platform writes the alert's sentences: outside text escaped, people named its way. */
export interface AlertTextStyle {
  /** Text from outside (names, numbers) made plain for the markup. */
  escape(text: string): string;
  /** A person: Slack mentions Slack users (Slack shows their name), the others write the name. */
  person(person: AlertPersonRef): string;
}

/** What a person with no name is called. */
const SOMEONE = 'Someone';
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Plain text: the playground's text pane and logs. */
export const PLAIN_ALERT_STYLE: AlertTextStyle = {
  escape: (text) => text,
  person: (person) => person.name || SOMEONE,
};

/** Slack mrkdwn: `<@U0123>` for a Slack user, else the escaped name. */
export const SLACK_ALERT_STYLE: AlertTextStyle = {
  escape: escapeMrkdwn,
  person: (person) =>
    person.platform === 'slack' && SLACK_USER_ID.test(person.id)
      ? `<@${person.id}>`
      : escapeMrkdwn(person.name || SOMEONE),
};

/** Teams' TextBlock Markdown. */
export const TEAMS_ALERT_STYLE: AlertTextStyle = {
  escape: escapeTeamsMarkdown,
  person: (person) => escapeTeamsMarkdown(person.name || SOMEONE),
};
