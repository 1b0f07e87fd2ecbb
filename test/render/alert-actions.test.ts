import {
  decodeAlertButtonValue,
  encodeAlertButtonValue,
  isAlertActionId,
  readAlertActionId,
} from '../../src/render/alert-actions';

describe('alert button values', () => {
  const callKey = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

  it('carry the subscription id and the call key, and read back exactly', () => {
    const value = encodeAlertButtonValue({ subscriptionId: 'k3m9qa', callKey });
    expect(value).toBe(`k3m9qa:${callKey}`);
    expect(decodeAlertButtonValue(value)).toEqual({ subscriptionId: 'k3m9qa', callKey });
    // A call key may hold a colon: only the first separates.
    expect(decodeAlertButtonValue('k3m9qa:a:b')).toEqual({ subscriptionId: 'k3m9qa', callKey: 'a:b' });
  });

  it.each([
    ['not text', 42],
    ['no separator', 'k3m9qa'],
    ['an id in upper case', `K3M9QA:${callKey}`],
    ['an id with a letter outside the alphabet', `k3m9qu:${callKey}`],
    ['an id too short', `k3m9q:${callKey}`],
    ['no call key', 'k3m9qa:'],
    ['a call key with a newline', 'k3m9qa:call\n1'],
    ['a call key with a space at its end', 'k3m9qa:call '],
    ['a call key past 128 characters', `k3m9qa:${'a'.repeat(129)}`],
    ['a call key that is not ASCII', 'k3m9qa:cäll'],
    ['an object', { subscriptionId: 'k3m9qa', callKey }],
  ])('refuse %s', (_what, value) => {
    expect(decodeAlertButtonValue(value)).toBeUndefined();
  });

  it('action ids: only the two known ones are actions; the whole alert_ family is routed to the alert handler', () => {
    expect(readAlertActionId('alert_claim')).toBe('claim');
    expect(readAlertActionId('alert_release')).toBe('release');
    expect(readAlertActionId('alert_claim.x')).toBeUndefined();
    expect(readAlertActionId('calls_summary')).toBeUndefined();
    expect(isAlertActionId('alert_delete')).toBe(true);
    expect(isAlertActionId('calls_previous')).toBe(false);
    expect(isAlertActionId(undefined)).toBe(false);
  });
});
