import { measureEditDistance, suggestKeyword } from '../../src/commands/suggest-keyword';
import { contextAt, parseError } from './parse-helpers';

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
    ['lastweek', 'last week'],
    ['thismonth', 'this month'],
  ])('%s -> %s', (word, expected) => {
    expect(suggestKeyword(word)).toBe(expected);
  });

  test('two keywords without their space: the error offers them spaced, in a command that runs', () => {
    const error = parseError('lastweek ext 101', contextAt('2026-11-25T11:00', 'Europe/Berlin'));
    expect(error.message).toBe('I didn\'t understand "lastweek" (did you mean "last week"?).');
    expect(error.example).toBe('last week ext 101');
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
