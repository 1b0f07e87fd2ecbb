import { AppError } from '../core/errors';

/**
 * The two ways talking to the PBX fails. `PbxHttpError`: the PBX answered with an error status.
 * `PbxUnreachableError`: no usable answer (timeout, refused, DNS, connection cut). Neither
 * message, hint nor enumerable field ever holds the client secret, a token or a query string.
 */

/** Why the PBX could not be reached; `timeout` is not retried, the others are (see pbx-http.ts). */
export type UnreachableReason = 'timeout' | 'refused' | 'dns' | 'reset' | 'tls' | 'network';

/** The PBX answered with a non-success status, after any retries. */
export class PbxHttpError extends AppError {
  readonly status: number;
  /** Method and path without query or function arguments, e.g. `GET /xapi/v1/Users`. */
  readonly endpoint: string;
  /** 3CX's own words from the error body (OData `error.message` + details, or `error_description`). */
  readonly pbxMessage: string | undefined;

  constructor(status: number, endpoint: string, pbxMessage?: string) {
    const said = pbxMessage ? `: ${pbxMessage}` : '';
    super('pbx', `The PBX answered ${status} to ${endpoint}${said}`, hintForStatus(status, endpoint));
    this.name = 'PbxHttpError';
    this.status = status;
    this.endpoint = endpoint;
    this.pbxMessage = pbxMessage;
  }
}

/** No (complete) answer from the PBX. `cause` keeps the network error for debugging; it is not enumerable. */
export class PbxUnreachableError extends AppError {
  readonly reason: UnreachableReason;
  readonly endpoint: string;

  constructor(reason: UnreachableReason, endpoint: string, detail: string, options?: { cause?: unknown }) {
    super(
      'unreachable',
      `Could not reach the PBX (${endpoint}): ${detail}`,
      'Check THREECX_URL (scheme, host and port: self-hosted PBXes usually listen on 5001, hosted ones on 443), ' +
        'the network, and any firewall between this host and the PBX.',
      options,
    );
    this.name = 'PbxUnreachableError';
    this.reason = reason;
    this.endpoint = endpoint;
  }
}

/**
 * The PBX's answer grew past `PBX_MAX_RESPONSE_MB` while it was read: the request was aborted.
 * The call log fetches such a window again in smaller pieces; anywhere else this is the error.
 */
export class PbxAnswerTooLargeError extends AppError {
  readonly endpoint: string;
  readonly limitBytes: number;

  constructor(endpoint: string, limitBytes: number) {
    super(
      'pbx',
      `The PBX's answer to ${endpoint} was larger than ${formatMegabytes(limitBytes)} (PBX_MAX_RESPONSE_MB); it was not read`,
      'Raise PBX_MAX_RESPONSE_MB if the PBX really answers this much; otherwise check that THREECX_URL is the PBX. ' +
        'For the call log: ask for a shorter period.',
    );
    this.name = 'PbxAnswerTooLargeError';
    this.endpoint = endpoint;
    this.limitBytes = limitBytes;
  }
}

/**
 * Even the shortest call-log window (5 minutes) reached `PBX_REPORT_ROW_CAP` rows: the PBX's
 * report would be cut short there, and a short report is never given.
 */
export class PbxRowCapError extends AppError {
  readonly rowCap: number;

  constructor(rowCap: number, fromIso: string, toIso: string) {
    super(
      'pbx',
      `The call log from ${fromIso} to ${toIso} holds ${rowCap} rows or more, the PBX's report row cap ` +
        '(PBX_REPORT_ROW_CAP), even in the shortest window the bot asks for',
      "Set PBX_REPORT_ROW_CAP to the PBX's own row cap if it is higher, or ask for a shorter period.",
    );
    this.name = 'PbxRowCapError';
    this.rowCap = rowCap;
  }
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${bytes} bytes`;
}

const CREDENTIALS_HINT =
  'Check THREECX_CLIENT_ID and THREECX_CLIENT_SECRET (the API key is shown once, when the client is ' +
  'created in the 3CX admin console under Admin > Integrations > API; create a new key if it was lost).';

/** The PBX refused the client id or secret: any 401, or the token endpoint's 400 (OAuth `invalid_client`). */
export function isCredentialsFailure(status: number, endpoint: string): boolean {
  return status === 401 || (status === 400 && endpoint.endsWith('/connect/token'));
}

/** What an admin should do about a status. */
export function hintForStatus(status: number, endpoint: string): string {
  if (isCredentialsFailure(status, endpoint)) return CREDENTIALS_HINT;
  if (status === 403) {
    return (
      'The API client needs the System Owner role (Admin > Integrations > API), ' +
      "or the PBX's console IP restriction blocks this host."
    );
  }
  if (status === 404) {
    return (
      'Check THREECX_URL (the server root, e.g. https://pbx.example.com:5001) and that the PBX runs ' +
      '3CX V20 Update 6 or later (the call-log report functions and their arguments).'
    );
  }
  if (status === 504) return 'The PBX took too long to answer: ask for a shorter period.';
  if (status === 429 || status === 502 || status === 503)
    return 'The PBX is busy or restarting: try again in a minute.';
  if (status >= 500) return 'The PBX failed on this request: try a shorter period, or check the PBX.';
  return 'Check THREECX_URL and that the PBX runs 3CX V20 Update 6 or later.';
}

/** `GET /xapi/v1/ReportCallLogData/Pbx.GetCallLogData` from a path with arguments and a query. */
export function describeEndpoint(method: string, path: string): string {
  let end = path.length;
  for (const stop of ['?', '(', '#']) {
    const at = path.indexOf(stop);
    if (at >= 0 && at < end) end = at;
  }
  return `${method} ${path.slice(0, end)}`;
}
