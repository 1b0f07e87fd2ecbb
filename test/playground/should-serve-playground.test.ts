import { shouldServePlayground } from '../../src/playground/should-serve-playground';

describe('shouldServePlayground', () => {
  it.each([
    ['127.0.0.1', false, true],
    ['localhost', false, true],
    ['::1', false, true],
    ['0.0.0.0', false, false],
    ['::', false, false],
    ['192.168.1.20', false, false],
    ['0.0.0.0', true, true],
  ])('HOST=%s PLAYGROUND=%s -> %s', (host, playground, expected) => {
    expect(shouldServePlayground({ host, playground })).toBe(expected);
  });
});
