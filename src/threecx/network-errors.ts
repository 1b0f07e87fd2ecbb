import { PbxUnreachableError, type UnreachableReason } from './errors';

const REASON_BY_CODE: Record<string, UnreachableReason> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'reset',
  ERR_STREAM_PREMATURE_CLOSE: 'reset',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'network',
  ETIMEDOUT: 'network',
  EHOSTUNREACH: 'network',
  ENETUNREACH: 'network',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
  CERT_HAS_EXPIRED: 'tls',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls',
};

const DETAIL_BY_REASON: Record<UnreachableReason, string> = {
  timeout: 'no answer in time',
  refused: 'connection refused',
  dns: 'host name not found (DNS)',
  reset: 'the connection was reset or cut before the answer was complete',
  tls: "the PBX's TLS certificate is not trusted by this host",
  network: 'network error',
};

/** Turns a transport failure (undici or Node socket error) into a `PbxUnreachableError`. */
export function toUnreachableError(error: unknown, endpoint: string): PbxUnreachableError {
  const code = findErrorCode(error);
  const reason: UnreachableReason = (code ? REASON_BY_CODE[code] : undefined) ?? 'network';
  const detail = code ? `${DETAIL_BY_REASON[reason]} (${code})` : DETAIL_BY_REASON[reason];
  return new PbxUnreachableError(reason, endpoint, detail, { cause: error });
}

/** The first known error code along `cause` chains and inside AggregateErrors (happy eyeballs). */
function findErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code in REASON_BY_CODE) return code;
  const nested = [(error as { cause?: unknown }).cause];
  if (error instanceof AggregateError) nested.push(...error.errors);
  for (const inner of nested) {
    const found = findErrorCode(inner, depth + 1);
    if (found) return found;
  }
  return typeof code === 'string' && depth === 0 ? code : undefined;
}
