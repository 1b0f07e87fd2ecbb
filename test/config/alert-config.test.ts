import { loadConfig } from '../../src/config/load-config';
import { configError } from './config-error';

/** The live missed-call alerts' four settings (product spec, "Configuration"). */

describe('alert settings', () => {
  it('default to a 30 s poll, 15 s settle time, a reminder after 30 minutes and 30 days of alerts', () => {
    expect(loadConfig({})).toMatchObject({
      alertPollSeconds: 30,
      alertSettleSeconds: 15,
      alertClaimReminderMinutes: 30,
      alertRetentionDays: 30,
    });
  });

  it('read every bound of their ranges, 0 meaning "never remind" and "no settle time"', () => {
    expect(
      loadConfig({
        ALERT_POLL_SECONDS: '5',
        ALERT_SETTLE_SECONDS: '0',
        ALERT_CLAIM_REMINDER_MINUTES: '0',
        ALERT_RETENTION_DAYS: '1',
      }),
    ).toMatchObject({
      alertPollSeconds: 5,
      alertSettleSeconds: 0,
      alertClaimReminderMinutes: 0,
      alertRetentionDays: 1,
    });
    expect(
      loadConfig({
        ALERT_POLL_SECONDS: '3600',
        ALERT_SETTLE_SECONDS: '300',
        ALERT_CLAIM_REMINDER_MINUTES: '1440',
        ALERT_RETENTION_DAYS: '400',
      }),
    ).toMatchObject({
      alertPollSeconds: 3600,
      alertSettleSeconds: 300,
      alertClaimReminderMinutes: 1440,
      alertRetentionDays: 400,
    });
  });

  it('names every wrong one at once, with its range and the value given', () => {
    const error = configError({
      ALERT_POLL_SECONDS: '4',
      ALERT_SETTLE_SECONDS: '301',
      ALERT_CLAIM_REMINDER_MINUTES: 'half an hour',
      ALERT_RETENTION_DAYS: '0',
      WEEK_START: 'friday',
    });
    expect(error.kind).toBe('config');
    expect(error.message.split('\n')).toEqual([
      'The configuration has 5 problems:',
      '- WEEK_START: WEEK_START must be monday or sunday',
      '- ALERT_POLL_SECONDS: ALERT_POLL_SECONDS must be a whole number from 5 to 3600, not "4"',
      '- ALERT_SETTLE_SECONDS: ALERT_SETTLE_SECONDS must be a whole number from 0 to 300, not "301"',
      '- ALERT_CLAIM_REMINDER_MINUTES: ALERT_CLAIM_REMINDER_MINUTES must be a whole number from 0 to 1440, not "half an hour"',
      '- ALERT_RETENTION_DAYS: ALERT_RETENTION_DAYS must be a whole number from 1 to 400, not "0"',
    ]);
  });

  it('refuses fractions and treats an empty value as unset', () => {
    expect(configError({ ALERT_POLL_SECONDS: '7.5' }).message).toContain(
      'ALERT_POLL_SECONDS must be a whole number from 5 to 3600, not "7.5"',
    );
    expect(loadConfig({ ALERT_RETENTION_DAYS: ' ' }).alertRetentionDays).toBe(30);
  });
});
