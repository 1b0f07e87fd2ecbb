import { isLoopbackHost, isLoopbackServiceUrl } from '../../../src/adapters/teams/loopback-address';

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    '127.0.0.1',
    '127.8.9.10',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
  ])('accepts %s', (host) => expect(isLoopbackHost(host)).toBe(true));

  it.each([
    '0.0.0.0',
    '::',
    '10.0.0.1',
    '192.168.1.20',
    '::ffff:10.0.0.1',
    'localhost.example.com',
    '127.0.0.1.nip.io',
    '',
  ])('refuses %j', (host) => expect(isLoopbackHost(host)).toBe(false));
});

describe('isLoopbackServiceUrl', () => {
  it.each([
    'http://127.0.0.1:3978/',
    'https://localhost/teams/',
    'http://[::1]:8080/',
    'http://127.1/',
    'http://0x7f.0.0.1/',
    'http://2130706433/',
    'http://[::ffff:127.0.0.1]/',
  ])('accepts %s', (url) => expect(isLoopbackServiceUrl(url)).toBe(true));

  it.each([
    'https://smba.trafficmanager.net/emea/',
    'http://localhost.example.com/',
    'http://127.0.0.1.nip.io/',
    'http://127.0.0.1@example.com/',
    'http://user:password@127.0.0.1/',
    'http://example.com#@127.0.0.1/',
    'http://example.com\\@127.0.0.1/',
    'ftp://127.0.0.1/',
    'file:///etc/passwd',
    '//127.0.0.1/',
    'not a url',
  ])('refuses %s', (url) => expect(isLoopbackServiceUrl(url)).toBe(false));
});
