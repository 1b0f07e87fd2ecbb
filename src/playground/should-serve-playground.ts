import { isLoopbackHost } from '../adapters/teams/loopback-address';
import type { Config } from '../config/config';

/**
 * Whether start-bot mounts the playground: it skips chat authentication, so only when the server
 * listens on loopback, or when PLAYGROUND=true says to serve it anyway.
 */
export function shouldServePlayground(config: Pick<Config, 'host' | 'playground'>): boolean {
  return config.playground || isLoopbackHost(config.host);
}
