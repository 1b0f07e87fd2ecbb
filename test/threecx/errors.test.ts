import { AppError } from '../../src/core/errors';
import { describeEndpoint, PbxHttpError, PbxUnreachableError } from '../../src/threecx/errors';
import { toUnreachableError } from '../../src/threecx/network-errors';

describe('describeEndpoint', () => {
  it('drops function arguments and the query', () => {
    expect(
      describeEndpoint(
        'GET',
        "/xapi/v1/ReportCallLogData/Pbx.GetCallLogData(periodFrom=x,sourceFilter='a')?$top=1",
      ),
    ).toBe('GET /xapi/v1/ReportCallLogData/Pbx.GetCallLogData');
    expect(describeEndpoint('GET', '/xapi/v1/Users?$select=Id')).toBe('GET /xapi/v1/Users');
    expect(describeEndpoint('POST', '/connect/token')).toBe('POST /connect/token');
  });
});

describe('PbxHttpError', () => {
  it.each([
    [401, 'GET /xapi/v1/Defs', 'Check THREECX_CLIENT_ID and THREECX_CLIENT_SECRET'],
    [400, 'POST /connect/token', 'Check THREECX_CLIENT_ID and THREECX_CLIENT_SECRET'],
    [403, 'GET /xapi/v1/Defs', 'The API client needs the System Owner role'],
    [404, 'GET /xapi/v1/Defs', 'Check THREECX_URL (the server root'],
    [500, 'GET /xapi/v1/Defs', 'try a shorter period'],
    [504, 'GET /xapi/v1/Defs', 'ask for a shorter period'],
    [503, 'GET /xapi/v1/Defs', 'try again in a minute'],
    [429, 'GET /xapi/v1/Defs', 'try again in a minute'],
  ])('%d on %s says what to do', (status, endpoint, hintStart) => {
    const error = new PbxHttpError(status, endpoint, 'No way');
    expect(error).toBeInstanceOf(AppError);
    expect(error.kind).toBe('pbx');
    expect(error.message).toBe(`The PBX answered ${status} to ${endpoint}: No way`);
    expect(error.hint).toContain(hintStart);
  });
});

describe('toUnreachableError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'refused', 'connection refused (ECONNREFUSED)'],
    [{ code: 'ENOTFOUND' }, 'dns', 'host name not found (DNS) (ENOTFOUND)'],
    [
      { code: 'UND_ERR_SOCKET' },
      'reset',
      'the connection was reset or cut before the answer was complete (UND_ERR_SOCKET)',
    ],
    [
      { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      'tls',
      "the PBX's TLS certificate is not trusted by this host (DEPTH_ZERO_SELF_SIGNED_CERT)",
    ],
    [{ code: 'E_WEIRD' }, 'network', 'network error (E_WEIRD)'],
    [new Error('no code'), 'network', 'network error'],
  ])('%j is %s', (cause, reason, detail) => {
    const error = toUnreachableError(cause, 'GET /xapi/v1/Defs');
    expect(error).toBeInstanceOf(PbxUnreachableError);
    expect(error.kind).toBe('unreachable');
    expect(error.reason).toBe(reason);
    expect(error.message).toBe(`Could not reach the PBX (GET /xapi/v1/Defs): ${detail}`);
    expect(error.hint).toContain('THREECX_URL');
  });

  it('finds the code inside a cause chain and an AggregateError (both address families refused)', () => {
    const aggregate = new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }], 'x');
    const wrapped = new TypeError('fetch failed', { cause: aggregate });
    expect(toUnreachableError(wrapped, 'GET /xapi/v1/Defs').reason).toBe('refused');
  });
});
