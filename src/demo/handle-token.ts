import { type DemoResponse, jsonResponse } from './demo-response';
import type { TokenIssuer } from './token-issuer';

/** `POST /connect/token` with a form-encoded client-credentials grant, answered as 3CX does. */
export function handleTokenRequest(
  method: string,
  body: string,
  issuer: TokenIssuer,
  nowMs: number,
): DemoResponse {
  if (method !== 'POST') {
    return jsonResponse(405, { error: 'invalid_request', error_description: 'Use POST.' }, { allow: 'POST' });
  }
  const form = new URLSearchParams(body);
  if (form.get('grant_type') !== 'client_credentials') {
    return jsonResponse(400, {
      error: 'unsupported_grant_type',
      error_description: 'The specified grant type is not supported.',
    });
  }
  if (!issuer.matches(form.get('client_id'), form.get('client_secret'))) {
    return jsonResponse(401, {
      error: 'unauthorized',
      error_description: 'The request requires valid user authentication.',
    });
  }
  const token = issuer.issue(nowMs);
  return jsonResponse(
    200,
    {
      token_type: 'Bearer',
      expires_in: token.expiresInSeconds,
      access_token: token.accessToken,
      refresh_token: null,
    },
    { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  );
}
