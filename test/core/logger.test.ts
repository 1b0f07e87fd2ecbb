import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { createLogger } from '../../src/core/logger';

/** A stream that keeps what it is given; `isTTY` makes it look like a terminal. */
class TextSink extends Writable {
  text = '';
  constructor(readonly isTTY = false) {
    super({ decodeStrings: false });
  }
  override _write(chunk: string | Buffer, _encoding: string, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

const NOW = new Date('2026-11-29T10:00:01.234Z');
const SECRET = 'Sk+9/aB="Q\\7 z=Lp&<u4\'';

describe('the logger', () => {
  it('writes one JSON object per line: time, level, message, then the fields', () => {
    const destination = new TextSink();
    const logger = createLogger({ destination, now: () => NOW });
    logger.info('audit', { audit: true, user: 'U0BEN00101', nested: { count: 2, list: ['a'] } });
    logger.error('stopping failed', { error: 'boom' });
    expect(destination.text).toBe(
      '{"time":"2026-11-29T10:00:01.234Z","level":"info","message":"audit","audit":true,"user":"U0BEN00101","nested":{"count":2,"list":["a"]}}\n' +
        '{"time":"2026-11-29T10:00:01.234Z","level":"error","message":"stopping failed","error":"boom"}\n',
    );
  });

  it('writes the levels from its own up, info by default', () => {
    const lines = (level?: 'debug' | 'warn') => {
      const written: string[] = [];
      const logger = createLogger({ ...(level && { level }), write: (line) => written.push(line) });
      logger.debug('d');
      logger.info('i');
      logger.warn('w');
      logger.error('e');
      return written.map((line) => (JSON.parse(line) as { level: string; message: string }).message);
    };
    expect(lines()).toEqual(['i', 'w', 'e']);
    expect(lines('debug')).toEqual(['d', 'i', 'w', 'e']);
    expect(lines('warn')).toEqual(['w', 'e']);
  });

  it('masks secrets in the message and in nested fields, asking for the secrets at every line', () => {
    const destination = new TextSink();
    let secrets = [SECRET];
    const logger = createLogger({ destination, secrets: () => secrets, now: () => NOW });
    logger.warn(`PBX said ${SECRET}`, {
      deep: { list: [{ token: SECRET }], form: `s=${encodeURIComponent(SECRET)}` },
    });
    secrets = [...secrets, 'rotated-token-1'];
    logger.warn('token', { value: 'rotated-token-1' });
    expect(destination.text).not.toContain('Sk+9');
    expect(
      destination.text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        time: NOW.toISOString(),
        level: 'warn',
        message: 'PBX said [redacted]',
        deep: { list: [{ token: '[redacted]' }], form: 's=[redacted]' },
      },
      { time: NOW.toISOString(), level: 'warn', message: 'token', value: '[redacted]' },
    ]);
  });

  it('writes readable lines, still masked, when the destination is a terminal', () => {
    const terminal = new TextSink(true);
    const logger = createLogger({ destination: terminal, secrets: () => [SECRET], now: () => NOW });
    logger.info(`calls-bot is running ${SECRET}`, { url: 'http://localhost:3978' });
    const text = stripVTControlCharacters(terminal.text);
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.234\] INFO: calls-bot is running \[redacted\]\n/);
    expect(text).toContain('url: "http://localhost:3978"');
    expect(text).not.toContain('{"time"');
  });
});
