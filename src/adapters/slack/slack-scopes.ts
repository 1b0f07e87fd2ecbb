/**
 * The bot scopes each Web API method the adapter calls needs (`commands` is for the slash command
 * itself). The manifest must grant all of them; tests check both the manifest and that the code
 * calls no method missing here.
 */
export const SLACK_METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'users.info': ['users:read', 'users:read.email'],
  'conversations.open': ['im:write'],
  'chat.postMessage': ['chat:write', 'chat:write.public'],
  'chat.update': ['chat:write'],
  'views.publish': [],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
};

/** Every bot scope the app needs, for the manifest. */
export const SLACK_BOT_SCOPES: readonly string[] = [
  'commands',
  ...new Set(Object.values(SLACK_METHOD_SCOPES).flat()),
].sort();
