import type { Reply } from '../../core/reply';

/**
 * What the bot posts when it is added: how to ask, where answers are visible, then the usage.
 * `help` is the chat service's answer to `help`; an error there is passed on as it is.
 */
export function buildWelcomeReply(help: Reply, scope: 'personal' | 'group', botName = 'Calls'): Reply {
  if (help.kind !== 'help') return help;
  const intro =
    scope === 'personal'
      ? [
          "Hi! I answer questions about your phone system's calls. Type a question, for example `last week ext 101`.",
          'Answers in this chat are visible to you only.',
        ]
      : [
          `Hi! I answer questions about your phone system's calls. @mention me with a question, for example \`@${botName} yesterday missed\`.`,
          'Answers here are visible to everyone in this conversation; chat with me 1:1 for private ones.',
        ];
  return { kind: 'help', text: [...intro, '', help.text].join('\n') };
}
