import { isCredentialsFailure, PbxHttpError, PbxUnreachableError } from '../threecx/errors';

/**
 * Why a dependency is not ready, as `/readyz` says it: a fixed code and a fixed hint, never a
 * dependency's own words (a hostile or confused PBX could echo anything; the log keeps them).
 */
export type ReadinessReason =
  | 'pbx_unreachable'
  | 'pbx_credentials'
  | 'pbx_role'
  | 'pbx_error'
  | 'store_unavailable';

export const READINESS_HINTS: Readonly<Record<ReadinessReason, string>> = {
  pbx_unreachable:
    'The PBX does not answer: check THREECX_URL (scheme, host and port), the network and any firewall ' +
    'between this host and the PBX.',
  pbx_credentials:
    'The PBX refuses the API client: check THREECX_CLIENT_ID and THREECX_CLIENT_SECRET ' +
    '(3CX admin console, Admin > Integrations > API).',
  pbx_role:
    'The PBX denies the API client: give it the System Owner role (Admin > Integrations > API), ' +
    "or allow this host in the PBX's console IP restriction.",
  pbx_error:
    "The PBX answered with an error: the bot's log has its answer. Check THREECX_URL and that the PBX " +
    'runs 3CX V20 Update 6 or later.',
  store_unavailable:
    'The database does not answer: check DATABASE_URL, that the database server runs and is reachable, ' +
    'and (SQLite) that the file is writable and the disk not full.',
};

/** The reason for a failed PBX check, from the error the 3CX client threw. */
export function pbxFailureReason(error: unknown): ReadinessReason {
  if (error instanceof PbxUnreachableError) return 'pbx_unreachable';
  if (error instanceof PbxHttpError) {
    if (isCredentialsFailure(error.status, error.endpoint)) return 'pbx_credentials';
    if (error.status === 403) return 'pbx_role';
  }
  return 'pbx_error';
}
