import type { Config } from './config/config';
import type { CallLogSource } from './core/call-log-source';
import type { Logger } from './core/logger';
import { startDemoPbx } from './demo/demo-pbx';
import { createSharedTokenProvider } from './threecx/create-shared-token-provider';
import type { SharedTokenStore } from './threecx/shared-token-store';
import { normalizeBaseUrl, XapiClient } from './threecx/xapi-client';

/** The call-log source the bot talks to, and how to let go of it. */
export interface PbxConnection {
  source: CallLogSource;
  /** `demo` when the built-in demo PBX serves (no THREECX_URL), else the PBX's URL. */
  description: string;
  /**
   * Which PBX the call-log history's days are tied to (`HistoryStore.forPbx`): the PBX's URL, or
   * the demo PBX's fingerprint. Absent (a connection a test made by hand): no history.
   */
  historyPbx?: string;
  /** Secrets this connection holds, for log redaction (the demo's too). */
  secrets: string[];
  close(): Promise<void>;
}

export interface ConnectPbxOptions {
  logger: Logger;
  /** The demo PBX's clock: its history ends here. */
  now: Date;
  /**
   * Replicas (DATABASE_URL=postgres://…): share the configured PBX's token through this store
   * instead of one token per process. Not used for the demo PBX, which is per process.
   */
  sharedTokens?: SharedTokenStore;
}

/**
 * Connects to the configured 3CX over the XAPI, or starts the demo PBX on a loopback port and
 * talks to it through the very same client, so the demo exercises the production code path.
 */
export async function connectPbx(config: Config, options: ConnectPbxOptions): Promise<PbxConnection> {
  if (config.threecx) {
    const shared =
      options.sharedTokens &&
      createSharedTokenProvider({
        ...config.threecx,
        baseUrl: config.threecx.url,
        store: options.sharedTokens,
        logger: options.logger,
        maxResponseBytes: pbxLimits(config).maxResponseBytes,
      });
    const client = new XapiClient({
      baseUrl: config.threecx.url,
      clientId: config.threecx.clientId,
      clientSecret: config.threecx.clientSecret,
      logger: options.logger,
      ...pbxLimits(config),
      ...(shared && { tokenProvider: shared.provider }),
    });
    return {
      source: client,
      description: config.threecx.url,
      historyPbx: pbxIdentity(config.threecx.url),
      secrets: [config.threecx.clientSecret],
      close: async () => {
        await client.close();
        await shared?.close();
      },
    };
  }
  const demo = await startDemoPbx({ now: options.now });
  const client = new XapiClient({
    baseUrl: demo.url,
    clientId: demo.clientId,
    clientSecret: demo.clientSecret,
    logger: options.logger,
    ...pbxLimits(config),
  });
  return {
    source: client,
    description: `demo PBX at ${demo.url}`,
    historyPbx: demo.fingerprint,
    secrets: [demo.clientSecret],
    close: async () => {
      await client.close();
      await demo.close();
    },
  };
}

/** PBX_MAX_RESPONSE_MB and PBX_REPORT_ROW_CAP as the client's options. */
function pbxLimits(config: Config): { maxResponseBytes: number; reportRowCap: number } {
  return { maxResponseBytes: config.pbxMaxResponseMb * 1024 * 1024, reportRowCap: config.pbxReportRowCap };
}

/**
 * The PBX as the history names it: its URL as the client uses it (no `/xapi/v1`, no trailing
 * slash), lower-case scheme and host, without any user name or password.
 */
export function pbxIdentity(url: string): string {
  const parsed = new URL(normalizeBaseUrl(url));
  parsed.username = '';
  parsed.password = '';
  return parsed.href.replace(/\/+$/, '');
}
