import { mentionsBot, stripBotMention } from '../../../src/adapters/teams/strip-bot-mention';
import { readTeamsActivity, type TeamsActivity } from '../../../src/adapters/teams/teams-activity';
import { buildChannelMention, buildPersonalMessage, TEAMS_BOT } from '../../helpers/teams-activities';

function activityOf(json: Record<string, unknown>): TeamsActivity {
  const read = readTeamsActivity(json);
  if (!read.ok) throw new Error(read.problem);
  return read.activity;
}

const SERVICE_URL = 'http://127.0.0.1:9/';

describe('stripBotMention', () => {
  it('removes the <at> markup of the bot named in the mention entity', () => {
    const activity = activityOf(buildChannelMention(SERVICE_URL, 'last week queue 800'));
    expect(mentionsBot(activity)).toBe(true);
    expect(stripBotMention(activity)).toBe('last week queue 800');
  });

  it("removes every mention of the bot, wherever it is, and keeps other people's mentions", () => {
    const activity = activityOf(
      buildChannelMention(SERVICE_URL, '', {
        text: 'yesterday <at>Calls</at> missed <at>Ben Okafor</at> <at>Calls</at>',
        entities: [
          { type: 'mention', text: '<at>Calls</at>', mentioned: TEAMS_BOT },
          { type: 'mention', text: '<at>Ben Okafor</at>', mentioned: { id: '29:ben', name: 'Ben Okafor' } },
        ],
      }),
    );
    expect(stripBotMention(activity)).toBe('yesterday missed <at>Ben Okafor</at>');
  });

  it('does not treat a mention of someone else as the bot', () => {
    const activity = activityOf(
      buildChannelMention(SERVICE_URL, '', {
        text: '<at>Calls</at> today',
        entities: [
          { type: 'mention', text: '<at>Calls</at>', mentioned: { id: '28:another-bot', name: 'Calls' } },
        ],
      }),
    );
    expect(mentionsBot(activity)).toBe(false);
    expect(stripBotMention(activity)).toBe('<at>Calls</at> today');
  });

  it('leaves 1:1 text as typed, trimmed and with single spaces', () => {
    expect(
      stripBotMention(activityOf(buildPersonalMessage(SERVICE_URL, { text: '  calls   today\n' }))),
    ).toBe('calls today');
    expect(stripBotMention(activityOf(buildPersonalMessage(SERVICE_URL, { text: undefined })))).toBe('');
  });
});
