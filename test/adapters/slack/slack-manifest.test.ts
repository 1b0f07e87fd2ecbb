import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { SLACK_BOT_SCOPES, SLACK_METHOD_SCOPES } from '../../../src/adapters/slack/slack-scopes';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const manifestPath = path.join(repoRoot, 'manifests', 'slack', 'manifest.yaml');
/** CI checks the shared contract out beside the repository. */
const schemaPath = path.resolve(repoRoot, '..', 'shared', 'schemas', 'slack', 'manifest.schema.1.0.0.json');

interface SlackManifest {
  features: {
    slash_commands: { command: string; url?: string; usage_hint?: string; description: string }[];
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

function readManifest(): SlackManifest {
  return parse(readFileSync(manifestPath, 'utf8')) as SlackManifest;
}

describe('manifests/slack/manifest.yaml', () => {
  it('is valid against the official Slack app manifest schema (draft-07)', () => {
    if (!existsSync(schemaPath)) {
      throw new Error(
        `The Slack manifest schema is missing at ${schemaPath}. Check out the shared contract beside the repository (../shared/schemas/slack/manifest.schema.1.0.0.json).`,
      );
    }
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    // The official schema uses a non-standard "regex" keyword next to its patterns.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(readManifest());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('offers /calls with a usage hint, on the same HTTP endpoint as interactivity and events', () => {
    const manifest = readManifest();
    const [command] = manifest.features.slash_commands;
    expect(manifest.features.slash_commands).toHaveLength(1);
    expect(command).toMatchObject({ command: '/calls', url: 'https://calls-bot.example.com/slack/events' });
    expect(command?.usage_hint).toContain('last week');
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://calls-bot.example.com/slack/events',
    });
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: 'https://calls-bot.example.com/slack/events',
      bot_events: ['app_home_opened'],
    });
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('grants exactly the bot scopes the code needs, and each Web API method the code calls has its scopes listed', () => {
    const scopes = readManifest().oauth_config.scopes.bot;
    expect([...scopes].sort()).toEqual([...SLACK_BOT_SCOPES]);
    expect([...scopes].sort()).toEqual(
      [
        'chat:write',
        'chat:write.public',
        'commands',
        'files:write',
        'im:write',
        'users:read',
        'users:read.email',
      ].sort(),
    );
    for (const needed of Object.values(SLACK_METHOD_SCOPES).flat()) expect(scopes).toContain(needed);
  });
});
