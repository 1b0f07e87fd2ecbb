import { callbackNumberKey, isUsableNumber } from '../../src/callbacks/caller-number';
import { telUri } from '../../src/render/tel-uri';

describe('callbackNumberKey', () => {
  it.each([
    ['020 7946 0123', '079460123'],
    ['+44 20 7946 0123', '079460123'],
    ['0044 20 7946 0123', '079460123'],
    ['+44 (0)20-7946-0123', '079460123'],
    ['0161 7946 0123', '179460123'],
    ['7946 012', '7946012'],
    ['79460123', '79460123'],
  ])('compares %p by %p (its last 9 digits, all of them when fewer)', (number, key) => {
    expect(callbackNumberKey(number)).toBe(key);
  });

  it.each([
    ['anonymous'],
    ['Anonymous'],
    [' PRIVATE '],
    ['unknown'],
    ['anonymous@192.168.1.20'],
    ['Private 0123 456789'],
    [''],
    ['12345'],
    ['123 456'],
    ['101'],
    [undefined],
  ])('finds no usable number in %p', (number) => {
    expect(callbackNumberKey(number)).toBeUndefined();
    expect(isUsableNumber(number)).toBe(false);
  });

  it('keeps a number that merely contains a withheld word later on', () => {
    expect(callbackNumberKey('+44 20 7946 0123 (private line)')).toBe('079460123');
  });
});

describe('telUri', () => {
  it.each([
    ['+44 20 7946 0123', 'tel:+442079460123'],
    ['020 7946 0123', 'tel:02079460123'],
    [' 0044-20-7946-0123 ', 'tel:00442079460123'],
  ])('dials %p as %p', (number, uri) => {
    expect(telUri(number)).toBe(uri);
  });

  it.each([['+44 20•• ••0123'], ['anonymous'], ['12345'], ['']])('gives no link for %p', (number) => {
    expect(telUri(number)).toBeUndefined();
  });
});
