import { connect } from 'node:net';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { callLogPathFor, DEMO_NOW, fetchToken, getJson } from './demo-pbx-client';
import { digestGoldenAnswers, GOLDEN_CALL_LOG_PATHS, GOLDEN_SELECT_PATHS } from './golden-call-log-requests';

/**
 * The digest of the golden answers. Regenerated deliberately for issue 15 (rows newest first by
 * default, as V20 serves them): before the new digest was taken, each of the 36 golden answers
 * (these and the `$select` ones) was compared with the previous demo PBX's answer to the same
 * request with `$orderby=StartTime desc` added where it had none, and all were byte-identical
 * (14 unchanged: errors, empty pages, an explicit `$orderby`; 22 only reordered). The one before
 * (`ddad1022…`) pinned the bytes from before pages were assembled from cached JSON.
 */
const GOLDEN_DIGEST = 'e189a479261c16e23b96ec29c0972f138937c9b31467d49b3f8b2e219ce2ba69';

/**
 * The digest of the `$select` golden answers, regenerated with `GOLDEN_DIGEST` (same check). The
 * one before (`7ef754c0…`) pinned what projecting row objects per request gave.
 */
const GOLDEN_SELECT_DIGEST = '375baae99dafe4f311e71090c64c432b8942961a37aaca6f19f6bf50d3d1e328';

/** A raw GET: everything the socket receives until the server closes or cuts it. */
function rawGet(pbx: DemoPbx, path: string, token: string): Promise<Buffer> {
  const { hostname, port } = new URL(pbx.url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

describe('demo PBX: call-log bytes', () => {
  let pbx: DemoPbx;
  let token: string;

  beforeAll(async () => {
    pbx = await startDemoPbx({ now: DEMO_NOW, days: 14 });
    token = await fetchToken(pbx);
  });

  afterAll(async () => {
    await pbx.close();
  });

  it('answers the golden requests byte for byte as before', async () => {
    expect(await digestGoldenAnswers(pbx, token)).toBe(GOLDEN_DIGEST);
  });

  it('answers the golden $select requests byte for byte as before, twice (built, then cached)', async () => {
    expect(await digestGoldenAnswers(pbx, token, GOLDEN_SELECT_PATHS)).toBe(GOLDEN_SELECT_DIGEST);
    expect(await digestGoldenAnswers(pbx, token, GOLDEN_SELECT_PATHS)).toBe(GOLDEN_SELECT_DIGEST);
  });

  it('sends compact JSON (as JSON.stringify writes it) with a content-length in bytes', async () => {
    for (const path of [...GOLDEN_CALL_LOG_PATHS.slice(0, 9), ...GOLDEN_SELECT_PATHS.slice(0, 17)]) {
      const answer = await getJson(pbx, path, token);
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(JSON.stringify(answer.json));
      expect(Number(answer.headers.get('content-length'))).toBe(Buffer.byteLength(answer.text));
    }
  });

  it('cuts a call-log page after the first half of its bytes', async () => {
    const path = callLogPathFor('2026-11-17T00:00:00Z', '2026-11-17T23:59:59.999Z', {}, '$top=40');
    const whole = Buffer.from((await getJson(pbx, path, token)).text, 'utf8');
    pbx.misbehave({ endpoint: 'calllog', cutBody: true });
    const received = await rawGet(pbx, path, token);
    const headerEnd = received.indexOf('\r\n\r\n');
    expect(received.subarray(0, headerEnd).toString()).toContain(`content-length: ${whole.length}`);
    expect(received.subarray(headerEnd + 4).equals(whole.subarray(0, Math.floor(whole.length / 2)))).toBe(
      true,
    );
  });
});
