import type { CallLogSource } from '../core/call-log-source';
import { AppError } from '../core/errors';
import { type Route, sendJson } from './http-server';

/** A dependency `/readyz` checks: resolves when it is usable, throws an error saying why not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/**
 * `/healthz`: the process serves. `/readyz`: every dependency answers (the PBX with our
 * credentials, the store), else 503 with the reason, for load balancers and containers.
 */
export function createHealthRoutes(checks: ReadinessCheck[]): Route[] {
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
        const results = await Promise.all(
          checks.map(async ({ name, check }) => {
            try {
              await check();
              return { name, ok: true as const };
            } catch (error) {
              return { name, ok: false as const, reason: describe(error) };
            }
          }),
        );
        const ready = results.every((result) => result.ok);
        sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: results });
      },
    },
  ];
}

export function pbxReadinessCheck(source: CallLogSource): ReadinessCheck {
  return { name: 'pbx', check: () => source.checkConnection() };
}

/** The schedule store (digests, Teams conversation references) answers a trivial query. */
export function storeReadinessCheck(store: { ping(): Promise<void> }): ReadinessCheck {
  return { name: 'store', check: () => store.ping() };
}

function describe(error: unknown): string {
  if (error instanceof AppError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  return 'unexpected failure (see the log)';
}
