import { resolveActivityTimeZone } from '../../../src/adapters/teams/resolve-activity-time-zone';
import { readTeamsActivity, type TeamsActivity } from '../../../src/adapters/teams/teams-activity';
import { buildPersonalMessage } from '../../helpers/teams-activities';

function activityWith(overrides: Record<string, unknown>): TeamsActivity {
  const read = readTeamsActivity(buildPersonalMessage('http://127.0.0.1:9/', overrides));
  if (!read.ok) throw new Error(read.problem);
  return read.activity;
}

describe('resolveActivityTimeZone', () => {
  it('prefers the activity localTimezone', () => {
    const activity = activityWith({
      localTimezone: 'Asia/Tokyo',
      entities: [{ type: 'clientInfo', timezone: 'Europe/Paris' }],
    });
    expect(resolveActivityTimeZone(activity, 'UTC')).toBe('Asia/Tokyo');
  });

  it('then the clientInfo entity', () => {
    const activity = activityWith({
      localTimezone: undefined,
      entities: [{ type: 'clientInfo', timezone: 'Europe/Paris' }],
    });
    expect(resolveActivityTimeZone(activity, 'UTC')).toBe('Europe/Paris');
  });

  it('then the default, skipping zones the runtime does not know', () => {
    const unknown = activityWith({
      localTimezone: 'Mars/Olympus_Mons',
      entities: [{ type: 'clientInfo', timezone: 42 }],
    });
    expect(resolveActivityTimeZone(unknown, 'Europe/Berlin')).toBe('Europe/Berlin');
    const none = activityWith({ localTimezone: undefined, entities: [] });
    expect(resolveActivityTimeZone(none, 'America/Chicago')).toBe('America/Chicago');
  });
});
