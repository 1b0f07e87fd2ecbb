import { loadConfig } from '../../src/config/load-config';
import { AppError } from '../../src/core/errors';

function problemsWith(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('PUBLIC_URL and CHART_IMAGE_TTL_MINUTES', () => {
  it('are unset and 24 hours by default: no chart images for Slack', () => {
    expect(loadConfig({})).toMatchObject({ publicUrl: undefined, chartImageTtlMinutes: 1440 });
  });

  it.each([
    ['https://calls.example.com', 'https://calls.example.com'],
    ['https://calls.example.com/', 'https://calls.example.com'],
    ['https://example.com:8443/calls-bot/', 'https://example.com:8443/calls-bot'],
    ['HTTPS://Calls.Example.COM', 'https://calls.example.com'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http://localhost:8080/bot', 'http://localhost:8080/bot'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('takes %s as %s', (given, publicUrl) => {
    expect(loadConfig({ PUBLIC_URL: given }).publicUrl).toBe(publicUrl);
  });

  it.each([
    ['http://calls.example.com', /https:\/\//],
    ['http://10.0.0.5:3000', /https:\/\//],
    ['ftp://calls.example.com', /https:\/\//],
    ['calls.example.com', /must be a URL/],
    ['https://user:secret@calls.example.com', /without user, password/],
    ['https://calls.example.com/?a=1', /query/],
    ['https://calls.example.com/#top', /fragment/],
  ])('refuses %s, naming the variable', (given, reason) => {
    const message = problemsWith({ PUBLIC_URL: given });
    expect(message).toMatch(/PUBLIC_URL/);
    expect(message).toMatch(reason);
  });

  it('refuses one too long for an image URL (over 2000 characters)', () => {
    expect(problemsWith({ PUBLIC_URL: `https://calls.example.com/${'a'.repeat(2000)}` })).toMatch(
      /PUBLIC_URL must be at most 2000 characters/,
    );
  });

  it('takes a TTL from 5 minutes to 24 hours, and nothing longer', () => {
    expect(loadConfig({ CHART_IMAGE_TTL_MINUTES: '5' }).chartImageTtlMinutes).toBe(5);
    expect(loadConfig({ CHART_IMAGE_TTL_MINUTES: '1440' }).chartImageTtlMinutes).toBe(1440);
    expect(problemsWith({ CHART_IMAGE_TTL_MINUTES: '1441' })).toMatch(
      /CHART_IMAGE_TTL_MINUTES must be a whole number from 5 to 1440/,
    );
    expect(problemsWith({ CHART_IMAGE_TTL_MINUTES: '4' })).toMatch(/CHART_IMAGE_TTL_MINUTES/);
  });
});
