import { z } from 'zod';
import { AppError } from '../core/errors';
import { canonicalLocale, FALLBACK_LOCALE } from './canonical-locale';
import type { Config } from './config';
import { isValidTimeZone } from './is-valid-time-zone';

/**
 * Reads and validates the whole configuration at once. Every problem is listed, each naming the
 * variable and what to set; the values of secrets never appear in the message. Nothing else in
 * the bot reads `process.env`.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const values = normalise(env);
  const parsed = environmentSchema.safeParse(values);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`)),
    ...findMissingCompanions(values).map((problem) => `- ${problem}`),
    ...(parsed.success ? findConflicts(parsed.data) : []).map((problem) => `- ${problem}`),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new AppError(
      'config',
      `The configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.join('\n')}`,
      'Set the variables in the environment or in a .env file; README.md lists them all.',
    );
  }
  return toConfig(parsed.data);
}

/** Variables that only work together: each one missing from a group that was started. */
function findMissingCompanions(env: Record<string, string>): string[] {
  const problems: string[] = [];
  const requireTogether = (names: string[], what: string) => {
    if (!names.some((name) => name in env)) return;
    for (const name of names.filter((candidate) => !(candidate in env))) {
      problems.push(`${name}: is missing: ${what} needs ${names.join(', ')}`);
    }
  };
  requireTogether(['THREECX_URL', 'THREECX_CLIENT_ID', 'THREECX_CLIENT_SECRET'], 'a real PBX');
  requireTogether(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'], 'Slack');
  const appToken = env.SLACK_APP_TOKEN;
  if (appToken !== undefined && !('SLACK_BOT_TOKEN' in env || 'SLACK_SIGNING_SECRET' in env)) {
    problems.push(
      'SLACK_BOT_TOKEN: is missing: Socket Mode (SLACK_APP_TOKEN) also needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET',
    );
  }
  if (appToken !== undefined && !appToken.startsWith('xapp-')) {
    problems.push('SLACK_APP_TOKEN: must be an app-level token starting with xapp-');
  }
  if (env.SLACK_BOT_TOKEN !== undefined && !env.SLACK_BOT_TOKEN.startsWith('xoxb-')) {
    problems.push('SLACK_BOT_TOKEN: must be a bot token starting with xoxb-');
  }
  const teamsType = env.MICROSOFT_APP_TYPE ?? 'SingleTenant';
  if (
    env.MICROSOFT_APP_ID !== undefined &&
    teamsType !== 'UserAssignedMSI' &&
    env.MICROSOFT_APP_PASSWORD === undefined
  ) {
    problems.push("MICROSOFT_APP_PASSWORD: is missing: Teams needs the bot's client secret");
  }
  if (
    env.MICROSOFT_APP_ID !== undefined &&
    teamsType === 'SingleTenant' &&
    env.MICROSOFT_APP_TENANT_ID === undefined
  ) {
    problems.push(
      'MICROSOFT_APP_TENANT_ID: is missing: a SingleTenant bot needs its Entra ID tenant id (or set MICROSOFT_APP_TYPE)',
    );
  }
  return problems;
}

/** Settings that are valid one by one but cannot work together. */
function findConflicts(env: Environment): string[] {
  const problems: string[] = [];
  const realPbx = env.THREECX_URL !== undefined;
  const replicas = env.DATABASE_URL !== undefined && /^postgres(ql)?:\/\//i.test(env.DATABASE_URL);
  if (env.PLAYGROUND && realPbx && replicas && env.PLAYGROUND_TOKEN === undefined) {
    problems.push(
      'PLAYGROUND_TOKEN: is missing: PLAYGROUND=true with a real PBX and a postgres:// DATABASE_URL (replicas) needs one token every replica shares (e.g. openssl rand -hex 24), or unset PLAYGROUND',
    );
  }
  return problems;
}

/** Empty strings count as unset, as in most .env files. */
function normalise(env: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') result[key] = value.trim();
  }
  return result;
}

const boolean = (name: string) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: `${name} must be true or false` })
    .optional()
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

const integer = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return fallback;
      const number = Number(value);
      if (!Number.isInteger(number) || number < min || number > max) {
        context.addIssue({
          code: 'custom',
          message: `${name} must be a whole number from ${min} to ${max}, not "${value}"`,
        });
        return z.NEVER;
      }
      return number;
    });

const timeZone = z
  .string()
  .optional()
  .refine((value) => value === undefined || isValidTimeZone(value), {
    error: (issue) =>
      `DEFAULT_TIMEZONE must be an IANA zone such as Europe/Berlin, not "${String(issue.input)}"`,
  });

const locale = z
  .string()
  .optional()
  .refine((value) => value === undefined || canonicalLocale(value) !== undefined, {
    error: (issue) =>
      `DEFAULT_LOCALE must be a BCP 47 locale such as en-US, en-GB or de-DE, not "${String(issue.input)}"`,
  });

const httpUrl = (name: string) =>
  z
    .string()
    .optional()
    .refine((value) => value === undefined || /^https?:\/\/[^\s/]+/i.test(value), {
      error: `${name} must be an http(s) URL such as https://pbx.example.com:5001`,
    });

/**
 * PUBLIC_URL: Slack fetches chart images from it, so https; plain http only on a loopback host
 * (tests, a laptop), where Slack cannot reach it anyway. No credentials, query or fragment: the
 * chart route's path and query are appended to it.
 */
const publicUrl = z
  .string()
  .optional()
  .superRefine((value, context) => {
    if (value === undefined) return;
    const problem = checkPublicUrl(value);
    if (problem) context.addIssue({ code: 'custom', message: `PUBLIC_URL ${problem}, not "${value}"` });
  });

function checkPublicUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL such as https://calls-bot.example.com';
  }
  const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return 'must be an https:// URL (http:// only for a loopback host such as http://127.0.0.1:3000)';
  }
  if (url.username || url.password || url.search || url.hash || value.includes('?') || value.includes('#')) {
    return 'must be a plain base URL, without user, password, query or fragment';
  }
  if (value.length > 2000) return 'must be at most 2000 characters';
  return undefined;
}

const environmentSchema = z.object({
  THREECX_URL: httpUrl('THREECX_URL'),
  THREECX_CLIENT_ID: z.string().optional(),
  THREECX_CLIENT_SECRET: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: httpUrl('SLACK_API_URL'),
  MICROSOFT_APP_ID: z.string().optional(),
  MICROSOFT_APP_PASSWORD: z.string().optional(),
  MICROSOFT_APP_TENANT_ID: z.string().optional(),
  MICROSOFT_APP_TYPE: z
    .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
      error: 'MICROSOFT_APP_TYPE must be SingleTenant, MultiTenant or UserAssignedMSI',
    })
    .optional(),
  TEAMS_DEV_NO_AUTH: boolean('TEAMS_DEV_NO_AUTH'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(value), {
      error: 'DATABASE_URL must be sqlite:PATH or postgres://user:password@host/db',
    }),
  DEFAULT_TIMEZONE: timeZone,
  DEFAULT_LOCALE: locale,
  WEEK_START: z.enum(['monday', 'sunday'], { error: 'WEEK_START must be monday or sunday' }).optional(),
  SERVICE_LEVEL_SECONDS: integer('SERVICE_LEVEL_SECONDS', 1, 3600, 20),
  MAX_PERIOD_DAYS: integer('MAX_PERIOD_DAYS', 1, 3660, 400),
  DIGEST_GRACE_MINUTES: integer('DIGEST_GRACE_MINUTES', 0, 7 * 24 * 60, 60),
  ALERT_POLL_SECONDS: integer('ALERT_POLL_SECONDS', 5, 3600, 30),
  ALERT_SETTLE_SECONDS: integer('ALERT_SETTLE_SECONDS', 0, 300, 15),
  ALERT_CLAIM_REMINDER_MINUTES: integer('ALERT_CLAIM_REMINDER_MINUTES', 0, 24 * 60, 30),
  ALERT_RETENTION_DAYS: integer('ALERT_RETENTION_DAYS', 1, 400, 30),
  HISTORY_DAYS: integer('HISTORY_DAYS', 0, 3660, 400),
  PBX_MAX_RESPONSE_MB: integer('PBX_MAX_RESPONSE_MB', 1, 4096, 64),
  PBX_REPORT_ROW_CAP: integer('PBX_REPORT_ROW_CAP', 100, 100_000_000, 20_000),
  ACCESS_POLICY: z.string().optional(),
  ACCESS_UNMAPPED: z
    .enum(['none', 'all'], {
      error:
        'ACCESS_UNMAPPED must be none (unlinked chat users see nothing; the default with a real PBX) or all (they see every call)',
    })
    .optional(),
  PRIVACY_MASK_NUMBERS: boolean('PRIVACY_MASK_NUMBERS'),
  PLAYGROUND: boolean('PLAYGROUND'),
  PLAYGROUND_TOKEN: z
    .string()
    .optional()
    .refine((value) => value === undefined || /^[A-Za-z0-9._~-]{16,512}$/.test(value), {
      error:
        "PLAYGROUND_TOKEN must be 16 to 512 letters, digits, '-', '_', '.' or '~' (e.g. openssl rand -hex 24)",
    }),
  PUBLIC_URL: publicUrl,
  CHART_IMAGE_TTL_MINUTES: integer('CHART_IMAGE_TTL_MINUTES', 5, 24 * 60, 24 * 60),
  PORT: integer('PORT', 0, 65535, 3000),
  HOST: z.string().optional(),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { error: 'LOG_LEVEL must be debug, info, warn or error' })
    .optional(),
});

type Environment = z.infer<typeof environmentSchema>;

function toConfig(env: Environment): Config {
  const slack =
    env.SLACK_SIGNING_SECRET && env.SLACK_BOT_TOKEN
      ? {
          signingSecret: env.SLACK_SIGNING_SECRET,
          botToken: env.SLACK_BOT_TOKEN,
          appToken: env.SLACK_APP_TOKEN,
          apiUrl: withTrailingSlash(env.SLACK_API_URL ?? 'https://slack.com/api/'),
        }
      : undefined;
  const teams = env.MICROSOFT_APP_ID
    ? {
        appId: env.MICROSOFT_APP_ID,
        appPassword: env.MICROSOFT_APP_PASSWORD,
        tenantId: env.MICROSOFT_APP_TENANT_ID,
        appType: env.MICROSOFT_APP_TYPE ?? 'SingleTenant',
      }
    : undefined;
  const chatConfigured = slack !== undefined || teams !== undefined;
  return {
    threecx:
      env.THREECX_URL && env.THREECX_CLIENT_ID && env.THREECX_CLIENT_SECRET
        ? {
            url: env.THREECX_URL.replace(/\/+$/, ''),
            clientId: env.THREECX_CLIENT_ID,
            clientSecret: env.THREECX_CLIENT_SECRET,
          }
        : undefined,
    slack,
    teams,
    teamsDevNoAuth: env.TEAMS_DEV_NO_AUTH,
    teamsTenantId: env.MICROSOFT_APP_TENANT_ID,
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/calls-bot.sqlite',
    defaultTimeZone: env.DEFAULT_TIMEZONE,
    defaultLocale: canonicalLocale(env.DEFAULT_LOCALE) ?? FALLBACK_LOCALE,
    weekStart: env.WEEK_START ?? 'monday',
    serviceLevelSeconds: env.SERVICE_LEVEL_SECONDS,
    maxPeriodDays: env.MAX_PERIOD_DAYS,
    digestGraceMinutes: env.DIGEST_GRACE_MINUTES,
    alertPollSeconds: env.ALERT_POLL_SECONDS,
    alertSettleSeconds: env.ALERT_SETTLE_SECONDS,
    alertClaimReminderMinutes: env.ALERT_CLAIM_REMINDER_MINUTES,
    alertRetentionDays: env.ALERT_RETENTION_DAYS,
    historyDays: env.HISTORY_DAYS,
    pbxMaxResponseMb: env.PBX_MAX_RESPONSE_MB,
    pbxReportRowCap: env.PBX_REPORT_ROW_CAP,
    accessPolicyPath: env.ACCESS_POLICY,
    accessUnmapped: env.ACCESS_UNMAPPED,
    privacyMaskNumbers: env.PRIVACY_MASK_NUMBERS,
    playground: env.PLAYGROUND,
    playgroundToken: env.PLAYGROUND_TOKEN,
    publicUrl: env.PUBLIC_URL ? new URL(env.PUBLIC_URL).href.replace(/\/+$/, '') : undefined,
    chartImageTtlMinutes: env.CHART_IMAGE_TTL_MINUTES,
    port: env.PORT,
    host: env.HOST ?? (chatConfigured ? '0.0.0.0' : '127.0.0.1'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
