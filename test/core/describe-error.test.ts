import { CommandError, describeError } from '../../src/core/errors';

/** `describeError`: the one line every log and reply shows for a thrown value. */
describe('describeError', () => {
  it("gives an Error's message, without its name or stack", () => {
    expect(describeError(new TypeError('fetch failed'))).toBe('fetch failed');
    expect(describeError(new CommandError('I could not read "lsat"', 'last week'))).toBe(
      'I could not read "lsat"',
    );
  });

  it('gives anything else thrown as text', () => {
    expect(describeError('SQLITE_BUSY: database is locked')).toBe('SQLITE_BUSY: database is locked');
    expect(describeError(404)).toBe('404');
    expect(describeError(undefined)).toBe('undefined');
    expect(describeError({ code: 'ECONNRESET' })).toBe('[object Object]');
  });
});
