import { readDigestChange } from '../../src/schedule/read-digest-change';

describe('readDigestChange', () => {
  it.each([
    ['schedule every weekday at 8:00 last workday missed', 'create'],
    ['Schedule "30 7 * * 1-5" yesterday', 'create'],
    ['schedule every blursday', 'create'],
    ['unschedule k3m9qa', 'remove'],
    ['UNSCHEDULE', 'remove'],
    ['schedule delete k3m9qa', 'remove'],
    ['schedule remove k3m9qa', 'remove'],
    ['schedule rm k3m9qa', 'remove'],
    ['schedule cancel k3m9qa', 'remove'],
  ])('%s -> %s', (text, change) => {
    expect(readDigestChange(text)).toBe(change);
  });

  it.each([
    'schedules',
    'schedule',
    'schedule help',
    'schedule ?',
    'schedule list',
    'schedule ls',
    'yesterday',
    '',
    'help',
  ])('%s changes nothing', (text) => {
    expect(readDigestChange(text)).toBeUndefined();
  });
});
