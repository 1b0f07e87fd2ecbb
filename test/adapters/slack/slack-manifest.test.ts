import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from '@slack/bolt';
import { parse } from 'yaml';
import { createSlackAdapter } from '../../../src/adapters/slack/create-slack-adapter';
import { SLACK_BOT_SCOPES, SLACK_METHOD_SCOPES } from '../../../src/adapters/slack/slack-scopes';
import type { ChatService } from '../../../src/chat/chat-service';
import { silentLogger } from '../../../src/core/logger';
import { type SlackManifest, slackManifestErrors } from '../../helpers/slack-manifest-schema';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const manifestPath = path.join(repoRoot, 'manifests', 'slack', 'manifest.yaml');

function readManifest(): SlackManifest {
  return parse(readFileSync(manifestPath, 'utf8')) as SlackManifest;
}

/** The Bolt listener kinds the adapter might register; each needs something in the manifest. */
const LISTENER_KINDS = [
  'command',
  'event',
  'action',
  'view',
  'shortcut',
  'options',
  'message',
  'function',
] as const;
type ListenerKind = (typeof LISTENER_KINDS)[number];

/**
 * What the real adapter registers with Bolt (the first argument of each `app.command(…)`,
 * `app.event(…)`, …) and the HTTP routes it serves, for both ways of talking to Slack.
 */
function whatTheCodeRegisters(appToken: string | undefined) {
  const spies = LISTENER_KINDS.map((kind) => [kind, jest.spyOn(App.prototype, kind)] as const);
  try {
    const adapter = createSlackAdapter({
      slack: { signingSecret: 'secret', botToken: 'xoxb-1', appToken, apiUrl: 'http://127.0.0.1:9/api/' },
      chat: {} as ChatService,
      logger: silentLogger,
      defaultTimeZone: 'UTC',
    });
    const listeners = Object.fromEntries(
      spies.map(([kind, spy]) => [kind, spy.mock.calls.map((call) => call[0] as unknown)]),
    ) as Record<ListenerKind, unknown[]>;
    return { listeners, routes: adapter.routes.map(({ method, path }) => ({ method, path })) };
  } finally {
    for (const [, spy] of spies) spy.mockRestore();
  }
}

describe('manifests/slack/manifest.yaml', () => {
  it('is a valid Slack app manifest (our schema of the fields the bot uses)', () => {
    expect(slackManifestErrors(readManifest())).toEqual([]);
  });

  it('is rejected by that schema when broken', () => {
    const manifest = readManifest();
    const [command] = manifest.features.slash_commands;
    expect(
      slackManifestErrors({
        ...manifest,
        features: { ...manifest.features, slash_commands: [{ ...command, command: 'calls' }] },
      }),
    ).toEqual(['features.slash_commands.0.command: must be / and a lowercase name']);
    expect(
      slackManifestErrors({
        ...manifest,
        features: { ...manifest.features, slash_commands: [{ ...command, url: undefined }] },
      }),
    ).toEqual(['features.slash_commands.0.url: is required over HTTP']);
    expect(
      slackManifestErrors({
        ...manifest,
        settings: {
          ...manifest.settings,
          interactivity: { is_enabled: true, request_url: 'http://x.example/slack' },
        },
      }),
    ).toEqual(['settings.interactivity.request_url: must be an https:// URL']);
    const { event_subscriptions, ...settings } = manifest.settings;
    expect(
      slackManifestErrors({
        ...manifest,
        settings: { ...settings, event_subscription: event_subscriptions },
      }),
    ).toEqual([
      'settings.event_subscriptions: Invalid input: expected object, received undefined',
      'settings: Unrecognized key: "event_subscription"',
    ]);
    expect(slackManifestErrors({ ...manifest, display_information: { name: 'x'.repeat(36) } })).toHaveLength(
      1,
    );
  });

  it('offers the slash command the code answers, with a usage hint', () => {
    const { command: patterns } = whatTheCodeRegisters(undefined).listeners;
    const commands = readManifest().features.slash_commands;
    expect(commands.map((command) => command.command)).toEqual(['/calls']);
    expect(patterns.length).toBeGreaterThan(0);
    for (const { command } of commands) {
      expect({ command, answered: patterns.some((pattern) => matches(pattern, command)) }).toEqual({
        command,
        answered: true,
      });
    }
    expect(commands[0]?.usage_hint).toContain('last week');
  });

  it('subscribes to exactly the events the code listens to, with the surfaces they need', () => {
    const { listeners } = whatTheCodeRegisters(undefined);
    const manifest = readManifest();
    // A message listener would need message.* events and the history scopes; the bot reads no messages.
    expect(listeners.message).toEqual([]);
    expect(listeners.event.every((name) => typeof name === 'string')).toBe(true);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...new Set(listeners.event)].sort(),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    // app_home_opened publishes the Home tab; answers in a direct message need the Messages tab.
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it('turns interactivity on for the buttons the code answers; no shortcuts, modals or menus', () => {
    const { listeners } = whatTheCodeRegisters(undefined);
    expect(listeners.action.length).toBeGreaterThan(0);
    expect(readManifest().settings.interactivity.is_enabled).toBe(true);
    // Each of these would need its own manifest entry (shortcuts, options_load_url, functions).
    expect({ view: listeners.view, shortcut: listeners.shortcut, options: listeners.options }).toEqual({
      view: [],
      shortcut: [],
      options: [],
    });
    expect(listeners.function).toEqual([]);
  });

  it('sends commands, events and interactivity to the route the HTTP adapter serves, on one host', () => {
    const { routes } = whatTheCodeRegisters(undefined);
    expect(routes).toEqual([{ method: 'POST', path: '/slack/events' }]);
    const manifest = readManifest();
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    const urls = [
      ...manifest.features.slash_commands.map((command) => command.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ].map((url) => new URL(url ?? 'missing:'));
    expect(urls.map((url) => url.pathname)).toEqual(urls.map(() => routes[0]?.path));
    expect(new Set(urls.map((url) => url.origin))).toEqual(new Set(['https://calls-bot.example.com']));
    // In Socket Mode (what the manifest's comment describes) there is no route, and Bolt gets the same listeners.
    const socket = whatTheCodeRegisters('xapp-1-A1-1-abc');
    expect(socket.routes).toEqual([]);
    expect(socket.listeners).toEqual(whatTheCodeRegisters(undefined).listeners);
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

/** Whether a Bolt command pattern (a name or a RegExp) matches `command`. */
function matches(pattern: unknown, command: string): boolean {
  if (typeof pattern === 'string') return pattern === command;
  if (pattern instanceof RegExp)
    return new RegExp(pattern.source, pattern.flags.replace('g', '')).test(command);
  return false;
}
