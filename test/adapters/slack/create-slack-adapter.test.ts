import { createSlackAdapter } from '../../../src/adapters/slack/create-slack-adapter';
import type { ChatService } from '../../../src/chat/chat-service';
import { silentLogger } from '../../../src/core/logger';

/** The adapter never calls the chat service while it is only being built. */
const unusedChat = {} as ChatService;
const slack = { signingSecret: 'secret', botToken: 'xoxb-1', apiUrl: 'http://127.0.0.1:9/api/' };

describe('createSlackAdapter', () => {
  it('serves HTTP at POST /slack/events when there is no app-level token', () => {
    const adapter = createSlackAdapter({
      slack: { ...slack, appToken: undefined },
      chat: unusedChat,
      logger: silentLogger,
      defaultTimeZone: 'UTC',
    });
    expect(adapter.mode).toBe('http');
    expect(adapter.description).toBe('Slack (HTTP at /slack/events)');
    expect(adapter.routes.map(({ method, path }) => ({ method, path }))).toEqual([
      { method: 'POST', path: '/slack/events' },
    ]);
    expect(adapter.start).toBeUndefined();
  });

  it('chooses Socket Mode with SLACK_APP_TOKEN: no HTTP route, a connection to start and stop', () => {
    const adapter = createSlackAdapter({
      slack: { ...slack, appToken: 'xapp-1-A1-1-abc' },
      chat: unusedChat,
      logger: silentLogger,
      defaultTimeZone: 'UTC',
    });
    expect(adapter.mode).toBe('socket');
    expect(adapter.description).toBe('Slack (Socket Mode)');
    expect(adapter.routes).toEqual([]);
    expect(typeof adapter.start).toBe('function');
    expect(typeof adapter.stop).toBe('function');
  });
});
