import { randomBytes } from 'node:crypto';
import { isLoopbackHost } from '../adapters/teams/loopback-address';
import type { Config } from '../config/config';
import { isPostgresUrl } from '../schedule/open-schedule-store';

/** Where the playground's token came from: the environment, or made at this start. */
export type PlaygroundTokenSource = 'PLAYGROUND_TOKEN' | 'generated';

/**
 * Whether and how start-bot serves the playground, decided once at startup. `token` undefined
 * means the page needs none (the demo PBX); otherwise every route needs the session cookie that
 * a visit to `/?token=<value>` gives. `reason` says why it is off, for the banner; `warn` is
 * true when someone would expect it on (loopback), so startup warns.
 */
export type PlaygroundPlan =
  | { serve: true; token: { value: string; source: PlaygroundTokenSource } | undefined }
  | { serve: false; reason: string; warn: boolean };

/**
 * The playground runs every command as an admin and skips chat authentication, so it is served
 * only on loopback (or with PLAYGROUND=true), and with a real PBX only behind a token, as Jupyter
 * does: a loopback Host header proves nothing behind a reverse proxy. PLAYGROUND_TOKEN, when set,
 * is always required; without it a real PBX gets a random token at each start, except with a
 * postgres:// DATABASE_URL (replicas), whose tokens would differ: there the playground stays off.
 */
export function planPlayground(
  config: Pick<Config, 'host' | 'playground' | 'playgroundToken' | 'threecx' | 'databaseUrl'>,
  makeToken: () => string = () => randomBytes(24).toString('base64url'),
): PlaygroundPlan {
  if (!config.playground && !isLoopbackHost(config.host)) {
    return { serve: false, reason: 'not on loopback; set PLAYGROUND=true to serve it', warn: false };
  }
  if (config.playgroundToken !== undefined) {
    return { serve: true, token: { value: config.playgroundToken, source: 'PLAYGROUND_TOKEN' } };
  }
  if (config.threecx === undefined) return { serve: true, token: undefined };
  if (isPostgresUrl(config.databaseUrl)) {
    return {
      serve: false,
      reason:
        'replicas (a postgres:// DATABASE_URL) with a real PBX need PLAYGROUND_TOKEN, one token every replica shares',
      warn: true,
    };
  }
  return { serve: true, token: { value: makeToken(), source: 'generated' } };
}
