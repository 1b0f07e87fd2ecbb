import type { CallLogSource } from '../core/call-log-source';
import type { Logger } from '../core/logger';
import { type Route, sendJson } from './http-server';
import { type ReadinessCheck, ReadinessProbe } from './readiness-probe';
import { pbxFailureReason } from './readiness-reasons';

export type { ReadinessCheck } from './readiness-probe';

export interface HealthRoutesOptions {
  /** Where a failing check's detail goes (the answer has only its reason and hint). */
  logger: Logger;
  /** Default the system clock. */
  now?: () => Date;
}

/**
 * `/healthz`: the process serves. `/readyz`: every dependency answers (the PBX with our
 * credentials, the store), else 503 with each failing check's reason and hint, for load
 * balancers and containers; answered from a result at most 10 s old (see ReadinessProbe).
 */
export function createHealthRoutes(checks: ReadinessCheck[], options: HealthRoutesOptions): Route[] {
  const probe = new ReadinessProbe(checks, {
    logger: options.logger,
    now: options.now ?? (() => new Date()),
  });
  return [
    {
      method: 'GET',
      path: '/healthz',
      handler: (_request, response) => sendJson(response, 200, { status: 'ok' }),
    },
    {
      method: 'GET',
      path: '/readyz',
      handler: async (_request, response) => {
        const { ready, checks: results } = await probe.current();
        sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: results });
      },
    },
  ];
}

export function pbxReadinessCheck(source: CallLogSource): ReadinessCheck {
  return { name: 'pbx', check: () => source.checkConnection(), reasonFor: pbxFailureReason };
}

/** The schedule store (digests, Teams conversation references) answers a trivial query. */
export function storeReadinessCheck(store: { ping(): Promise<void> }): ReadinessCheck {
  return { name: 'store', check: () => store.ping(), reasonFor: () => 'store_unavailable' };
}
