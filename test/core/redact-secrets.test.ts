import { createLogger } from '../../src/core/logger';
import { redactSecrets } from '../../src/core/redact-secrets';
import { secretSpellings } from '../helpers/secret-spellings';

const SECRET = 'Sk+9/aB="Q\\7 z=Lp&<u4\'';
const CLIENT_ID = 'calls-bot';
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('redactSecrets masks a secret however it is written', () => {
  const spellings: [string, string][] = [
    ...Object.entries(secretSpellings(SECRET, CLIENT_ID)),
    ['form-encoded with %20 as +', encodeURIComponent(SECRET).replaceAll('%20', '+')],
    ['encodeURI (partly encoded)', encodeURI(SECRET)],
    ['percent-encoded twice', encodeURIComponent(encodeURIComponent(SECRET))],
    [
      'JSON-escaped as .NET does (\\u002B)',
      SECRET.replace(
        /[+"'&<>\\]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
      ),
    ],
    [
      'JSON-escaped form body',
      JSON.stringify(new URLSearchParams({ s: SECRET }).toString().slice(2)).slice(1, -1),
    ],
    [
      'HTML-escaped',
      SECRET.replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('"', '&quot;')
        .replaceAll("'", '&#39;'),
    ],
    ['base64url', Buffer.from(SECRET).toString('base64url')],
    ['base64, percent-encoded', encodeURIComponent(base64(SECRET))],
    ['base64 of the form-encoded secret', base64(encodeURIComponent(SECRET))],
  ];

  it.each(spellings)('%s', (_name, spelling) => {
    expect(redactSecrets(`before ${spelling} after`, [SECRET])).toBe('before [redacted] after');
  });

  it.each([0, 1, 2, 3, 4, 5])(
    'base64 of a longer text with the secret at offset %i, as a whole word',
    (offset) => {
      const encoded = base64(`${'x'.repeat(offset)}${SECRET}tail`);
      expect(redactSecrets(`token ${encoded}.`, [SECRET])).toBe('token [redacted].');
    },
  );

  it('HTTP Basic credentials of the secret with any client id, as RFC 6749 encodes them or not', () => {
    for (const id of [CLIENT_ID, 'a', 'someone-else@example.com']) {
      const pair = `${id}:${SECRET}`;
      const formPair = `${encodeURIComponent(id)}:${encodeURIComponent(SECRET)}`;
      expect(redactSecrets(`Authorization: Basic ${base64(pair)}`, [SECRET])).toBe(
        'Authorization: Basic [redacted]',
      );
      expect(redactSecrets(`Basic ${base64(formPair)}, then`, [SECRET])).toBe('Basic [redacted], then');
    }
  });

  it('keeps the words around a secret, every secret of a list, and text without one', () => {
    const body = new URLSearchParams({
      client_id: CLIENT_ID,
      client_secret: SECRET,
      grant_type: 'x',
    }).toString();
    expect(redactSecrets(body, [SECRET])).toBe('client_id=calls-bot&client_secret=[redacted]&grant_type=x');
    expect(redactSecrets('a first-secret and xoxb-123-abc', ['first-secret', 'xoxb-123-abc'])).toBe(
      'a [redacted] and [redacted]',
    );
    const ordinary = 'The PBX answered 400 to POST /connect/token: invalid_client (U2VjcmV0IQ==)';
    expect(redactSecrets(ordinary, [SECRET, 'demo-secret'])).toBe(ordinary);
  });

  it('ignores secrets shorter than 4 characters (they would mask ordinary words)', () => {
    expect(redactSecrets('abc abc', ['abc'])).toBe('abc abc');
  });
});

describe('the logger', () => {
  it('writes no spelling of a secret, whatever field holds it', () => {
    const lines: string[] = [];
    const logger = createLogger({ secrets: () => [SECRET], write: (line) => lines.push(line) });
    logger.warn('PBX said', {
      raw: SECRET,
      form: new URLSearchParams({ s: SECRET }).toString(),
      json: JSON.stringify({ secret: SECRET }),
      basic: `Basic ${base64(`${CLIENT_ID}:${SECRET}`)}`,
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({
      raw: '[redacted]',
      form: 's=[redacted]',
      json: '{"secret":"[redacted]"}',
      basic: 'Basic [redacted]',
    });
  });
});
