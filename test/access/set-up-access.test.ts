import { setUpAccess } from '../../src/access/set-up-access';
import { decideUnmappedAccess } from '../../src/access/unmapped-access';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/core/logger';
import { startBot } from '../../src/start-bot';
import { writePolicyFile } from '../helpers/access-policy-files';
import { ACCESS_DIRECTORY, POLICY_INVALID_AT_LINE_7 } from './access-fixtures';

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, logger };
}

describe('access at startup', () => {
  it('stops the bot on an invalid policy, naming the file, the line and the problem', async () => {
    const path = await writePolicyFile(POLICY_INVALID_AT_LINE_7);
    const { logger } = recordingLogger();
    const config = loadConfig({ ACCESS_POLICY: path, PORT: '0', HOST: '127.0.0.1' });
    await expect(startBot({ config, logger })).rejects.toMatchObject({
      kind: 'config',
      message: `ACCESS_POLICY ${path} line 7: 'queues' must be a list of queue numbers, e.g. [800]`,
    });
  });

  it('warns when chat runs without a policy, and when unlinked users may see everything', async () => {
    const { lines, logger } = recordingLogger();
    const access = await setUpAccess({
      policyPath: undefined,
      unmapped: 'all',
      pbx: 'real',
      getDirectory: async () => ACCESS_DIRECTORY,
      logger,
    });
    expect(lines.map((line) => [line.level, line.message])).toEqual([
      [
        'warn',
        'ACCESS_POLICY is not set: chat users see only the calls of their own extension (matched by e-mail) and nobody is an admin. Write a policy to name admins and managers (docs/access.md).',
      ],
      [
        'warn',
        'ACCESS_UNMAPPED=all: chat users not linked to an extension see EVERY call. Use it only where everyone may see all calls.',
      ],
    ]);
    const ben = { platform: 'slack' as const, id: 'U1', timeZone: 'UTC', email: 'ben.okafor@example.com' };
    expect(await access.roleOf(ben)).toBe('agent');
  });

  it('says what it loaded, and nothing about a missing policy when no chat platform is set', async () => {
    const { lines, logger } = recordingLogger();
    const path = await writePolicyFile('admins: [U0ADMIN001]\nidentities:\n  U0ERIN0001: 102\n');
    await setUpAccess({
      policyPath: path,
      unmapped: 'none',
      pbx: 'real',
      getDirectory: async () => ACCESS_DIRECTORY,
      logger,
    });
    await setUpAccess({
      policyPath: undefined,
      unmapped: 'none',
      pbx: 'real',
      getDirectory: async () => ACCESS_DIRECTORY,
      logger,
      chatEnabled: false,
    });
    expect(lines.map(({ time: _time, ...line }) => line)).toEqual([
      {
        level: 'info',
        message: 'access policy loaded',
        path,
        admins: 1,
        managers: 0,
        departments: 0,
        identities: 1,
        unmapped: 'none',
      },
    ]);
  });

  it('lets unlinked users see the demo PBX only while ACCESS_UNMAPPED is unset, and says so once', async () => {
    expect(decideUnmappedAccess(undefined, 'demo')).toBe('demo');
    expect(decideUnmappedAccess(undefined, 'real')).toBe('none');
    expect(decideUnmappedAccess('none', 'demo')).toBe('none');
    expect(decideUnmappedAccess('all', 'real')).toBe('all');
    const { lines, logger } = recordingLogger();
    const path = await writePolicyFile('admins: [U0ADMIN001]\n');
    const access = await setUpAccess({
      policyPath: path,
      unmapped: undefined,
      pbx: 'demo',
      getDirectory: async () => ACCESS_DIRECTORY,
      logger,
    });
    expect(lines.map((line) => [line.level, line.message, line.unmapped])).toEqual([
      ['info', 'access policy loaded', 'demo'],
      [
        'info',
        'Demo PBX (no THREECX_URL) and ACCESS_UNMAPPED not set: chat users not linked by e-mail see its invented calls, each reply saying so. With a real PBX they are refused until linked (docs/access.md).',
        undefined,
      ],
    ]);
    const stranger = {
      platform: 'teams' as const,
      id: '29:1x',
      timeZone: 'UTC',
      email: 'nobody@example.com',
    };
    expect(await access.roleOf(stranger)).toBe('viewer');
  });
});
