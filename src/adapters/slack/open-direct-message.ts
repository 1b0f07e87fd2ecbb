import type { webApi } from '@slack/bolt';

/** The id of the asker's direct-message channel with the bot (`conversations.open`, scope im:write). */
export async function openDirectMessage(client: webApi.WebClient, userId: string): Promise<string> {
  const result = await client.conversations.open({ users: userId });
  const channelId = result.channel?.id;
  if (!channelId) throw new Error('conversations.open returned no channel');
  return channelId;
}
