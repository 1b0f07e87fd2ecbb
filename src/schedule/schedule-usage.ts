/** How people write `<when>`, for help texts and error messages. */
export const RULE_EXAMPLES: readonly string[] = [
  'every day at 8:00',
  'every weekday at 8:00',
  'every monday at 9',
  'every mon,wed at 9:15',
  'every hour',
  'every month on the 1st at 7:00',
  '"30 7 * * 1-5"',
];

/** A whole command that works, for hints. */
export const SCHEDULE_EXAMPLE = 'schedule every weekday at 8:00 last workday missed';

/** The rule examples as one sentence, for error messages. */
export function listRuleExamples(): string {
  const plain = RULE_EXAMPLES.slice(0, -1).join(', ');
  return `${plain}, or a cron expression in quotes such as ${RULE_EXAMPLES.at(-1)}`;
}

/** `schedule help`: plain text with `code` spans, like the report usage. */
export function scheduleUsageText(): string {
  return [
    'Digests post a report to this conversation on a schedule: `schedule <when> <report command>`.',
    '',
    `When: ${RULE_EXAMPLES.map((example) => `\`${example}\``).join(', ')} (a cron expression has 5 fields, read in your time zone, and may run at most every 15 minutes).`,
    "Times are in your time zone; the report's period is worked out at the scheduled time, so `yesterday` at 8:00 is the day before.",
    '',
    '• `schedule every weekday at 8:00 last workday missed`',
    '• `schedule every monday at 9 last week queue 800`',
    '• `schedules` lists the digests here, with their next run and how the last one went',
    '• `unschedule k3m9qa` removes one',
  ].join('\n');
}
