/** The bot's validated configuration; built once by `loadConfig` from the environment. */
export interface Config {
  /** The PBX; absent means the built-in demo PBX serves. */
  threecx: { url: string; clientId: string; clientSecret: string } | undefined;
  slack:
    | { signingSecret: string; botToken: string; appToken: string | undefined; apiUrl: string }
    | undefined;
  teams:
    | { appId: string; appPassword: string | undefined; tenantId: string | undefined; appType: TeamsAppType }
    | undefined;
  teamsDevNoAuth: boolean;
  /**
   * MICROSOFT_APP_TENANT_ID: the one Entra ID tenant whose Teams activities are answered (also in
   * dev-no-auth); activities naming another tenant are refused. Undefined answers every tenant.
   */
  teamsTenantId: string | undefined;
  databaseUrl: string;
  /** IANA zone when the chat platform does not say; unset means UTC in chat, the machine's zone in the terminal. */
  defaultTimeZone: string | undefined;
  /**
   * DEFAULT_LOCALE (BCP 47, canonical): how numeric dates (`3/11`) read and whose holidays count
   * when the platform does not tell the asker's locale; default `en-US`.
   */
  defaultLocale: string;
  weekStart: 'monday' | 'sunday';
  serviceLevelSeconds: number;
  maxPeriodDays: number;
  digestGraceMinutes: number;
  /** ALERT_POLL_SECONDS: how often the alert poller re-reads the trailing window (5–3600, default 30). */
  alertPollSeconds: number;
  /** ALERT_SETTLE_SECONDS: how long after its newest leg ended an unanswered call counts as missed (0–300, default 15). */
  alertSettleSeconds: number;
  /** ALERT_CLAIM_REMINDER_MINUTES: a claim with no return after this long gets one reminder (0–1440, default 30; 0 = never). */
  alertClaimReminderMinutes: number;
  /** ALERT_RETENTION_DAYS: posted alerts (and their callers' numbers) are deleted after this many days (1–400, default 30). */
  alertRetentionDays: number;
  /** HISTORY_DAYS: how many closed UTC days of call-log legs the store keeps (0–3660, default 400; 0 = none). */
  historyDays: number;
  /** PBX_MAX_RESPONSE_MB: the most one PBX answer may be (default 64); past it the request is aborted. */
  pbxMaxResponseMb: number;
  /** PBX_REPORT_ROW_CAP: a call-log window the PBX counts this many rows for is incomplete and fetched in pieces (default 20000). */
  pbxReportRowCap: number;
  accessPolicyPath: string | undefined;
  /**
   * ACCESS_UNMAPPED: what chat users not linked to an extension (nor named in the policy) see;
   * undefined when unset (then the PBX decides: see `decideUnmappedAccess`).
   */
  accessUnmapped: 'none' | 'all' | undefined;
  privacyMaskNumbers: boolean;
  playground: boolean;
  /**
   * PLAYGROUND_TOKEN: the token the playground asks for. Unset, a real PBX gets a random one at each
   * start (see `planPlayground`); a secret, never echoed.
   */
  playgroundToken: string | undefined;
  /**
   * PUBLIC_URL: the bot's public base URL (https; http only on a loopback host, for tests), without
   * a trailing slash. Set, Slack replies carry their chart as an image served from it (`/chart.png`).
   */
  publicUrl: string | undefined;
  /** CHART_IMAGE_TTL_MINUTES: how long a chart image stays at its URL (5–1440, default 1440 = 24 h). */
  chartImageTtlMinutes: number;
  port: number;
  host: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export type TeamsAppType = 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';

/** Every value that must never be printed, for the logger's redaction. */
export function secretsOf(config: Config): string[] {
  return [
    config.threecx?.clientSecret,
    config.slack?.signingSecret,
    config.slack?.botToken,
    config.slack?.appToken,
    config.teams?.appPassword,
    config.playgroundToken,
    passwordInUrl(config.databaseUrl),
  ].filter((value): value is string => typeof value === 'string' && value.length > 0);
}

function passwordInUrl(url: string): string | undefined {
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}
