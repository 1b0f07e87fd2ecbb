import { measureEditDistance, suggestKeyword } from '../../src/commands/suggest-keyword';

describe('suggestKeyword', () => {
  test.each([
    ['yesterdy', 'yesterday'],
    ['lsat', 'last'],
    ['tody', 'today'],
    ['wek', 'week'],
    ['YESTERDAY!', undefined],
    ['mnoday', 'monday'],
    ['blursday', 'thursday'],
    ['inbond', 'inbound'],
    ['mised', 'missed'],
    ['extention', 'extension'],
    ['today', undefined],
    ['xy', undefined],
    ['zzzzzz', undefined],
    ['101', undefined],
  ])('%s -> %s', (word, expected) => {
    expect(suggestKeyword(word)).toBe(expected);
  });

  test('a custom candidate list (option names)', () => {
    expect(suggestKeyword('ordrby', ['top', 'orderby'])).toBe('orderby');
  });
});

describe('measureEditDistance', () => {
  test.each([
    ['last', 'lsat', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s vs %s = %d', (a, b, distance) => {
    expect(measureEditDistance(a, b)).toBe(distance);
  });
});
