import { CallbackCallReader, readCallbackCalls } from '../../src/callbacks/callback-call-reader';
import type { CallLeg } from '../../src/core/call-leg';
import { CALLBACK_DIRECTORY, callLegs } from './callback-legs';

const T0 = Date.parse('2026-11-17T09:00:00.000Z');
const HOUR_MS = 3_600_000;

describe('readCallbackCalls', () => {
  it('groups legs in any order into one call, read from its first leg', () => {
    const legs = callLegs('k1', T0, {
      kind: 'missed',
      via: 'queue',
      number: '+442079460123',
      extension: '102',
    });
    const [call, ...others] = readCallbackCalls([...legs].reverse(), CALLBACK_DIRECTORY);
    expect(others).toEqual([]);
    expect(call).toEqual({
      key: 'k1',
      startMs: T0,
      direction: 'inbound',
      number: '+442079460123',
      reachedPerson: false,
      by: null,
    });
  });

  it('names the extension that answered an inbound call, from the directory', () => {
    const legs = [
      ...callLegs('k1', T0, { kind: 'missed', via: 'queue', number: '+442079460123', extension: '102' }),
      ...callLegs(
        'k1',
        T0 + 30_000,
        { kind: 'answered', number: '+442079460123', extension: '103' },
        { segment: 9 },
      ),
    ];
    const [call] = readCallbackCalls(legs, CALLBACK_DIRECTORY);
    expect(call).toMatchObject({ reachedPerson: true, by: { extension: '103', name: 'Dana Fox' } });
  });

  it('reads an outbound call: the dialled caller id, else the destination DN; talk makes it reached', () => {
    const calls = readCallbackCalls(
      [
        ...callLegs('a', T0, {
          kind: 'outbound',
          number: '020 7946 0123',
          extension: '101',
          talkSeconds: 40,
        }),
        ...callLegs('b', T0 + 1, {
          kind: 'outbound',
          number: '+15551234567',
          extension: '104',
          talkSeconds: 0,
          dialledAsDn: true,
        }),
      ],
      CALLBACK_DIRECTORY,
    ).sort((x, y) => x.startMs - y.startMs);
    expect(calls).toEqual([
      {
        key: 'a',
        startMs: T0,
        direction: 'outbound',
        number: '020 7946 0123',
        reachedPerson: true,
        by: { extension: '101', name: 'Ben Okafor' },
      },
      {
        key: 'b',
        startMs: T0 + 1,
        direction: 'outbound',
        number: '+15551234567',
        reachedPerson: false,
        by: null,
      },
    ]);
  });

  it('reads the direction from the DNs when 3CX does not say, and leaves internal and withheld calls out', () => {
    const calls = readCallbackCalls(
      [
        ...callLegs(
          'out',
          T0,
          { kind: 'outbound', number: '+442079460123', extension: '101', talkSeconds: 5 },
          { direction: false },
        ),
        ...callLegs(
          'in',
          T0 + 1,
          { kind: 'answered', number: '+442079460124', extension: '102' },
          { direction: false },
        ),
        ...callLegs('int', T0 + 2, { kind: 'internal', extension: '101', to: '102' }, { direction: false }),
        ...callLegs('anon', T0 + 3, { kind: 'answered', number: 'anonymous', extension: '102' }),
      ],
      CALLBACK_DIRECTORY,
    );
    expect(calls.map((call) => [call.key, call.direction]).sort()).toEqual([
      ['in', 'inbound'],
      ['out', 'outbound'],
    ]);
  });

  it('tells GUID call keys apart by value, not by letter case', () => {
    const guid = '6F1CABCD-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
    const [first, second] = callLegs('x', T0, {
      kind: 'missed',
      via: 'queue',
      number: '+442079460123',
      extension: '102',
    });
    const calls = readCallbackCalls(
      [
        { ...first!, callKey: guid },
        { ...second!, callKey: guid.toLowerCase() },
      ],
      CALLBACK_DIRECTORY,
    );
    expect(calls).toHaveLength(1);
  });

  it('falls back to the leg display name for an extension the directory lacks', () => {
    const [leg] = callLegs('x', T0, { kind: 'answered', number: '+442079460123', extension: '777' });
    const [call] = readCallbackCalls([{ ...leg!, destinationDisplayName: 'Temp Desk' }], CALLBACK_DIRECTORY);
    expect(call?.by).toEqual({ extension: '777', name: 'Temp Desk' });
  });
});

describe('CallbackCallReader', () => {
  /** A day of calls every 30 s in start order, each window's legs reversed (as a newest-first PBX sends them). */
  function* dayOfLegs(calls: number): Generator<CallLeg> {
    const windowCalls = 120;
    for (let window = 0; window < calls / windowCalls; window += 1) {
      const legs: CallLeg[] = [];
      for (let index = window * windowCalls; index < (window + 1) * windowCalls; index += 1) {
        const number = `+44207946${String(index % 5000).padStart(4, '0')}`;
        legs.push(
          ...callLegs(`c${index}`, T0 + index * 30_000, {
            kind: 'missed',
            via: 'queue',
            number,
            extension: '101',
          }),
        );
      }
      yield* legs.reverse();
    }
  }

  it('finishes calls as the legs move on, holding only the calls in progress, and keeps what `keep` wants', () => {
    const reader = new CallbackCallReader({
      directory: CALLBACK_DIRECTORY,
      legDisorderMs: HOUR_MS,
      finishEveryLegs: 50,
      keep: (call) => call.number.endsWith('7'),
    });
    let mostHeld = 0;
    for (const leg of dayOfLegs(2880)) {
      reader.add(leg);
      mostHeld = Math.max(mostHeld, reader.callsHeld);
    }
    // An hour of disorder and the 6-hour pause: about 7.5 hours of calls (every 30 s), never the day's 2,880.
    expect(mostHeld).toBeLessThan(1000);
    const kept = reader.finish();
    expect(kept).toHaveLength(288);
    expect(kept.every((call) => call.number.endsWith('7'))).toBe(true);
  });

  it('keeps every call until the end when the legs may come in any order', () => {
    const reader = new CallbackCallReader({ directory: CALLBACK_DIRECTORY, finishEveryLegs: 1 });
    for (const leg of dayOfLegs(240)) reader.add(leg);
    expect(reader.callsHeld).toBe(240);
    expect(reader.finish()).toHaveLength(240);
  });
});
