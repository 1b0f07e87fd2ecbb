import {
  buildBotAddedToTeam,
  buildInstallationUpdate,
  buildPersonalMessage,
  TEAMS_BOT,
  TEAMS_CHANNEL_ID,
  TEAMS_PERSONAL_CONVERSATION_ID,
  TEAMS_TENANT_ID,
} from '../../helpers/teams-activities';
import { cardOf, textsOf } from '../../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';

let bed: TeamsTestBed;

beforeAll(async () => {
  bed = await startTeamsTestBed();
});

afterAll(async () => {
  await bed?.close();
});

describe('Teams installation and conversation references', () => {
  it('logs a loud warning at startup in dev-no-auth mode', () => {
    const warning = bed.logs.find(
      (entry) => entry.level === 'warn' && entry.message.includes('TEAMS_DEV_NO_AUTH=true'),
    );
    expect(warning?.message).toContain('WITHOUT authentication');
    expect(bed.teams.mode).toBe('dev-no-auth');
  });

  it('posts a welcome card with usage when the bot is added to a team, and stores the channel', async () => {
    const activity = buildBotAddedToTeam(bed.connector.serviceUrl);
    expect((await bed.post(activity)).status).toBe(200);
    const [welcome] = await bed.connector.waitForCalls(1, (call) => call.conversationId === TEAMS_CHANNEL_ID);
    const texts = textsOf(cardOf(welcome!.activity));
    // Teams card Markdown has no inline code: the command is bold, and plain in the notification.
    const greeting =
      "Hi! I answer questions about your phone system's calls. @mention me with a question, for example";
    expect(texts[0]).toBe(`${greeting} **@Calls yesterday missed**.`);
    expect(texts[1]).toBe(
      'Answers here are visible to everyone in this conversation; chat with me 1:1 for private ones.',
    );
    expect(texts.join('\n')).toContain('last week');
    expect(welcome!.activity.summary).toBe(`${greeting} @Calls yesterday missed.`);

    expect(await bed.teams.references.get(TEAMS_CHANNEL_ID)).toEqual({
      conversation: {
        id: TEAMS_CHANNEL_ID,
        conversationType: 'channel',
        tenantId: TEAMS_TENANT_ID,
        isGroup: true,
      },
      serviceUrl: bed.connector.serviceUrl,
      channelId: 'msteams',
      bot: TEAMS_BOT,
      user: activity.from,
    });
  });

  it('posts into a stored channel later as a new message (scheduled digests)', async () => {
    const posted = await bed.teams.postReply(TEAMS_CHANNEL_ID, {
      kind: 'notice',
      text: 'Yesterday: 3 missed calls',
    });
    expect(posted).toBe(true);
    const [post] = await bed.connector.waitForCalls(
      1,
      (call) => call.activity.summary === 'Yesterday: 3 missed calls',
    );
    expect(post!.path).toBe(`/v3/conversations/${encodeURIComponent(TEAMS_CHANNEL_ID)}/activities`);
    expect(post!.replyToActivityId).toBeUndefined();
    expect(post!.activity).toMatchObject({
      type: 'message',
      conversation: { id: TEAMS_CHANNEL_ID },
      from: TEAMS_BOT,
    });
    expect(textsOf(cardOf(post!.activity))).toEqual(['Yesterday: 3 missed calls']);
    expect(await bed.teams.postReply('19:never-seen@thread.tacv2', { kind: 'notice', text: 'x' })).toBe(
      false,
    );
  });

  it('accepts installationUpdate and other non-message activities without a reply or an error', async () => {
    const serviceUrl = bed.connector.serviceUrl;
    const before = bed.connector.calls.length;
    const activities = [
      buildInstallationUpdate(serviceUrl),
      buildInstallationUpdate(serviceUrl, { action: 'remove' }),
      buildPersonalMessage(serviceUrl, { type: 'typing', text: undefined }),
      buildPersonalMessage(serviceUrl, {
        type: 'messageReaction',
        text: undefined,
        reactionsAdded: [{ type: 'like' }],
      }),
      buildPersonalMessage(serviceUrl, {
        type: 'event',
        name: 'application/vnd.microsoft.meetingStart',
        text: undefined,
      }),
      buildBotAddedToTeam(serviceUrl, { membersAdded: [{ id: '29:someone-else' }] }),
    ];
    for (const activity of activities) expect((await bed.post(activity)).status).toBe(200);
    await bed.settle();
    expect(bed.connector.calls.length).toBe(before);
    expect(bed.logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('refreshes the stored serviceUrl from every inbound activity', async () => {
    const movedUrl = bed.connector.serviceUrl.replace('127.0.0.1', 'localhost');
    await bed.post(buildPersonalMessage(movedUrl, { text: 'help' }));
    await bed.settle();
    expect((await bed.teams.references.get(TEAMS_PERSONAL_CONVERSATION_ID))?.serviceUrl).toBe(movedUrl);
  });
});
