import type { TeamsActivity } from './teams-activity';

/**
 * The message text without the bot's @mention. Teams writes a mention as `<at>Name</at>` in the
 * text and adds a `mention` entity whose `text` is exactly that markup; every mention of the
 * recipient (the bot) is removed, other text is kept as typed.
 */
export function stripBotMention(activity: TeamsActivity): string {
  let text = activity.text ?? '';
  for (const markup of listBotMentionTexts(activity)) text = text.split(markup).join(' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether the message @mentions the bot (needed in channels and group chats). */
export function mentionsBot(activity: TeamsActivity): boolean {
  return listBotMentionTexts(activity).length > 0;
}

function listBotMentionTexts(activity: TeamsActivity): string[] {
  const texts: string[] = [];
  for (const entity of activity.entities) {
    if (typeof entity.type !== 'string' || entity.type.toLowerCase() !== 'mention') continue;
    const mentioned = entity.mentioned as { id?: unknown } | undefined;
    if (typeof mentioned !== 'object' || mentioned === null || mentioned.id !== activity.recipient.id)
      continue;
    if (typeof entity.text === 'string' && entity.text.length > 0) texts.push(entity.text);
  }
  return texts;
}
