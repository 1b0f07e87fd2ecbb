/**
 * The ways a secret gets written on its way through HTTP, JSON, chat and logs: what redaction
 * must catch, and what tests look for in everything a person or a log could see.
 */
export function secretSpellings(secret: string, clientId: string): Record<string, string> {
  const percent = encodeURIComponent(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  return {
    raw: secret,
    'percent-encoded': percent,
    'percent-encoded, lower case': lowerCasePercent(percent),
    'form-encoded': new URLSearchParams({ s: secret }).toString().slice(2),
    'JSON-escaped': json,
    'JSON-escaped twice': JSON.stringify(json).slice(1, -1),
    base64: Buffer.from(secret).toString('base64'),
    'base64 of id:secret (Basic)': Buffer.from(`${clientId}:${secret}`).toString('base64'),
  };
}

/** `%2B` -> `%2b`: percent-encoding as some servers write it. */
export function lowerCasePercent(text: string): string {
  return text.replace(/%[0-9A-F]{2}/g, (encoded) => encoded.toLowerCase());
}
