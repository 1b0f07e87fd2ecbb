/** An answer the demo server is about to send (built first, so faults can cut or replace it). */
export interface DemoResponse {
  status: number;
  headers: Record<string, string>;
  /** UTF-8 text, or its bytes already encoded. */
  body: string | Buffer;
}

/** The headers 3CX's ASP.NET OData stack sends with JSON answers. */
const ODATA_JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
  'odata-version': '4.0',
};

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): DemoResponse {
  return { status, headers: { ...ODATA_JSON_HEADERS, ...headers }, body: JSON.stringify(value) };
}

/** A JSON answer whose body is already serialised (UTF-8 bytes). */
export function jsonBufferResponse(status: number, body: Buffer): DemoResponse {
  return { status, headers: { ...ODATA_JSON_HEADERS }, body };
}

/** `{"error":{"code":"","message":"..."}}`, 3CX's OData error body. */
export function odataErrorResponse(status: number, message: string): DemoResponse {
  return jsonResponse(status, { error: { code: '', message } });
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): DemoResponse {
  return { status, headers, body: '' };
}
