import type { CallbackCall } from '../../src/callbacks/callback-call';
import { findUnreturned, type MissedCallRef } from '../../src/callbacks/find-unreturned';

const T0 = Date.parse('2026-11-17T09:00:00.000Z');
const minutes = (count: number) => T0 + count * 60_000;
const BEN = { extension: '101', name: 'Ben Okafor' };
const CHLOE = { extension: '102', name: 'Chloé Durand' };

function miss(atMinutes: number, from: string, key = `m${atMinutes}`): MissedCallRef {
  return { startMs: minutes(atMinutes), key, from, fromName: '', to: '800', toName: 'Sales' };
}

function call(
  atMinutes: number,
  direction: CallbackCall['direction'],
  number: string,
  by: CallbackCall['by'] = null,
): CallbackCall {
  return {
    key: `c${atMinutes}`,
    startMs: minutes(atMinutes),
    direction,
    number,
    reachedPerson: by !== null,
    by,
  };
}

const NOW_MINUTES = 600;
const NOW = minutes(NOW_MINUTES);

describe('findUnreturned', () => {
  it('returns a miss by a later outbound call with talk to the number in another form, counting the attempts before it', () => {
    const [entry] = findUnreturned(
      [miss(0, '+44 20 7946 0123')],
      [
        call(5, 'outbound', '020 7946 0123'),
        call(12, 'outbound', '0044 20 7946 0123', BEN),
        call(30, 'outbound', '+442079460123'),
      ],
      { nowMs: NOW },
    );
    expect(entry).toEqual({
      start: '2026-11-17T09:00:00.000Z',
      from: '+44 20 7946 0123',
      fromName: '',
      to: '800',
      toName: 'Sales',
      state: 'returned',
      attempts: 2,
      returnedBy: BEN,
      returnedAt: '2026-11-17T09:12:00.000Z',
      returnedAfterSeconds: 720,
    });
  });

  it('returns a miss when the caller calls again and a person answers; attempts before it still count', () => {
    const [entry] = findUnreturned(
      [miss(0, '+442079460123')],
      [call(3, 'outbound', '02079460123'), call(20, 'inbound', '+442079460123', CHLOE)],
      { nowMs: NOW },
    );
    expect(entry).toMatchObject({
      state: 'returned',
      attempts: 1,
      returnedBy: CHLOE,
      returnedAfterSeconds: 1200,
    });
  });

  it('settles every earlier miss from the number with one return, not a later one', () => {
    const entries = findUnreturned(
      [miss(0, '+442079460123'), miss(10, '02079460123'), miss(40, '+442079460123')],
      [call(30, 'outbound', '+442079460123', BEN)],
      { nowMs: NOW },
    );
    expect(
      entries.map((entry) => [entry.start.slice(11, 16), entry.state, entry.returnedAfterSeconds]),
    ).toEqual([
      ['09:40', 'open', null],
      ['09:00', 'returned', 1800],
      ['09:10', 'returned', 1200],
    ]);
  });

  it('is tried after attempts nobody answered, open without any, anonymous without a number', () => {
    const entries = findUnreturned(
      [miss(0, '+15551234567'), miss(1, '+442079460123'), miss(2, 'anonymous'), miss(3, '')],
      [
        call(10, 'outbound', '+15551234567'),
        call(20, 'outbound', '0015551234567'),
        call(25, 'inbound', '+15551234567'),
      ],
      { nowMs: NOW },
    );
    expect(entries.map((entry) => [entry.from, entry.state, entry.attempts])).toEqual([
      ['+442079460123', 'open', 0],
      ['+15551234567', 'tried', 2],
      ['anonymous', 'anonymous', 0],
      ['', 'anonymous', 0],
    ]);
  });

  it('counts only calls after the miss and up to now', () => {
    const entries = findUnreturned(
      [miss(100, '+442079460123')],
      [
        call(50, 'outbound', '+442079460123', BEN),
        call(100, 'outbound', '+442079460123', BEN),
        call(NOW_MINUTES + 1, 'outbound', '+442079460123', BEN),
      ],
      { nowMs: NOW },
    );
    expect(entries[0]).toMatchObject({ state: 'open', attempts: 0 });
  });

  it('ignores internal calls and calls to other numbers, even with the same last 8 digits', () => {
    const entries = findUnreturned(
      [miss(0, '+44 20 7946 0123')],
      [call(5, 'internal', '+442079460123', BEN), call(6, 'outbound', '+44 161 7946 0123', BEN)],
      { nowMs: NOW },
    );
    expect(entries[0]).toMatchObject({ state: 'open', attempts: 0 });
  });

  it('names a returner the reader may not see as a colleague', () => {
    const entries = findUnreturned([miss(0, '+442079460123')], [call(5, 'outbound', '02079460123', CHLOE)], {
      nowMs: NOW,
      mayNameReturner: (extension) => extension === '101',
    });
    expect(entries[0]?.returnedBy).toEqual({ extension: '', name: 'a colleague' });
  });

  it('writes times with the zone offset it is given', () => {
    const entries = findUnreturned([miss(0, '+442079460123')], [call(5, 'outbound', '02079460123', BEN)], {
      nowMs: NOW,
      timeZone: 'Europe/Berlin',
    });
    expect(entries[0]).toMatchObject({
      start: '2026-11-17T10:00:00.000+01:00',
      returnedAt: '2026-11-17T10:05:00.000+01:00',
    });
  });
});
