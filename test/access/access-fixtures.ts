import { AccessControl } from '../../src/access/access-control';
import { readAccessPolicyText } from '../../src/access/load-access-policy';
import type { UnmappedAccess } from '../../src/access/unmapped-access';
import { parseCommand } from '../../src/commands/parse-command';
import type { ChatUser } from '../../src/core/chat-user';
import type { Directory } from '../../src/core/directory';
import { createLogger, type Logger } from '../../src/core/logger';
import type { ReportRequest } from '../../src/core/report-request';

/** The PBX users of the access tests (a slice of the demo company: Ben is 101, Chloé 102). */
export const ACCESS_DIRECTORY: Directory = {
  users: [
    { number: '101', firstName: 'Ben', lastName: 'Okafor', email: 'ben.okafor@example.com' },
    { number: '102', firstName: 'Chloé', lastName: "O'Brien", email: 'chloe.obrien@example.com' },
    { number: '103', firstName: 'Daniel', lastName: 'Whitfield', email: 'Daniel.Whitfield@Example.com' },
    { number: '133', firstName: 'Daniel', lastName: 'Whitfield', email: 'daniel.whitfield@example.com' },
    { number: '108', firstName: 'Harry', lastName: 'Lindqvist', email: 'harry.lindqvist@example.com' },
  ],
  queues: [
    { number: '800', name: 'Sales' },
    { number: '801', name: 'Support' },
  ],
};

/** A policy with one of each: an admin, a queue manager, a department manager and a pin. */
export const ACCESS_POLICY_YAML = [
  'admins:',
  '  - alice.admin@example.com',
  '  - U0ADMIN001',
  '  - 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  'departments:',
  '  Support:',
  '    extensions: [108, 109]',
  '    queues: [801]',
  'managers:',
  '  - who: carol.lead@example.com',
  '    queues: [800]',
  '  - who: U0DAVE0001',
  '    departments: [Support]',
  'identities:',
  '  erin@contoso.com: 102',
].join('\n');

/** A policy whose line 7 gives a manager `queues: 800` where a list belongs. */
export const POLICY_INVALID_AT_LINE_7 = [
  'admins:',
  '  - alice@example.com',
  'departments:',
  '  Sales: { extensions: [101], queues: [800] }',
  'managers:',
  '  - who: carol@example.com',
  '    queues: 800',
].join('\n');

export const NOW = new Date('2026-11-29T10:00:00Z');

export function slackUser(id: string, email?: string): ChatUser {
  return { platform: 'slack', id, timeZone: 'Europe/Berlin', ...(email !== undefined && { email }) };
}

export function teamsUser(id: string, email?: string): ChatUser {
  return { platform: 'teams', id, timeZone: 'Europe/Berlin', ...(email !== undefined && { email }) };
}

export function requestOf(text: string): ReportRequest {
  const parsed = parseCommand(text, {
    now: NOW,
    timeZone: 'Europe/Berlin',
    weekStart: 'monday',
    maxPeriodDays: 400,
  });
  if (!parsed.ok) throw parsed.error;
  return parsed.request;
}

/** An AccessControl over ACCESS_POLICY_YAML (or `yaml`), counting directory loads and keeping its log lines. */
export function createTestAccess(options: { yaml?: string; unmapped?: UnmappedAccess } = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger: Logger = createLogger({
    write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  let directoryLoads = 0;
  const access = new AccessControl({
    policy: readAccessPolicyText(options.yaml ?? ACCESS_POLICY_YAML, 'test-policy.yaml'),
    unmapped: options.unmapped ?? 'none',
    getDirectory: async () => {
      directoryLoads += 1;
      return ACCESS_DIRECTORY;
    },
    logger,
  });
  return { access, lines, directoryLoads: () => directoryLoads };
}
