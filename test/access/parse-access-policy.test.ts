import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadAccessPolicy, readAccessPolicyText } from '../../src/access/load-access-policy';
import { parseAccessPolicy } from '../../src/access/parse-access-policy';
import { AppError } from '../../src/core/errors';
import { writePolicyFile } from '../helpers/access-policy-files';
import { POLICY_INVALID_AT_LINE_7 } from './access-fixtures';

const EXAMPLE_PATH = join(__dirname, '..', '..', 'docs', 'access-policy.example.yaml');

function issuesOf(yaml: string): string[] {
  const parsed = parseAccessPolicy(yaml);
  if (parsed.ok) throw new Error('expected problems, the policy was accepted');
  return parsed.issues.map((issue) => `line ${issue.line}: ${issue.message}`);
}

async function loadError(path: string): Promise<AppError> {
  try {
    await loadAccessPolicy(path);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected loadAccessPolicy to fail');
}

describe('parseAccessPolicy', () => {
  it('reads the documented example policy', async () => {
    const parsed = parseAccessPolicy(await readFile(EXAMPLE_PATH, 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const { policy } = parsed;
    expect(policy.admins).toEqual([
      { kind: 'email', email: 'alice.admin@example.com' },
      { kind: 'slack', id: 'U0ALICE001' },
    ]);
    expect(Object.fromEntries(policy.departments)).toEqual({
      Sales: { extensions: ['101', '102', '103', '104', '105', '106', '107'], queues: ['800'] },
      Support: { extensions: ['108', '109', '110', '111', '112', '113', '114', '115'], queues: ['801'] },
    });
    expect(policy.managers).toEqual([
      {
        people: [{ kind: 'email', email: 'carol.lead@example.com' }],
        extensions: [],
        queues: ['800'],
        departments: [],
      },
      {
        people: [
          { kind: 'email', email: 'dave.support@example.com' },
          { kind: 'aad', id: '3f2b8c1e-7d4a-4e9b-a1c2-5d6e7f8a9b0c' },
        ],
        extensions: ['120'],
        queues: [],
        departments: ['Support'],
      },
    ]);
    expect(policy.identities).toEqual([
      { person: { kind: 'email', email: 'erin@contoso.com' }, extensions: ['104'] },
      { person: { kind: 'slack', id: 'U0FRANK001' }, extensions: ['105', '125'] },
    ]);
  });

  it('accepts an empty file (no admins, everyone mapped is an agent) and keeps leading zeros', () => {
    expect(parseAccessPolicy('')).toEqual({
      ok: true,
      policy: { admins: [], managers: [], departments: new Map(), identities: [] },
    });
    const parsed = parseAccessPolicy('identities:\n  Bob@Example.com: "0101"\n  U0BOB00001: 0102\n');
    expect(parsed.ok && parsed.policy.identities).toEqual([
      { person: { kind: 'email', email: 'bob@example.com' }, extensions: ['0101'] },
      { person: { kind: 'slack', id: 'U0BOB00001' }, extensions: ['0102'] },
    ]);
  });

  it('names every problem with its line, in line order', () => {
    const yaml = [
      'version: 2', // 1
      'admins:', // 2
      '  - alice@example.com', // 3
      '  - bob', // 4
      'managers:', // 5
      '  - who: carol@example.com', // 6
      '    queues: 800', // 7
      '  - who: [U0CAROL001]', // 8
      '    departments: [Sales, Nope]', // 9
      '  - who: dan@example.com', // 10
      '    queue: [800]', // 11
      '  - extensions: [101]', // 12
      'departments:', // 13
      '  Sales:', // 14
      '    extensions: [101, x]', // 15
      'identities:', // 16
      '  zz: 105', // 17
      '  erin@contoso.com:', // 18
      'adminz: []', // 19
    ].join('\n');
    expect(issuesOf(yaml)).toEqual([
      "line 1: 'version' must be 1, not '2'",
      "line 4: 'bob' in 'admins' is not an e-mail, a Slack user id (U0123ABCD) or a Teams object id (a GUID)",
      "line 7: 'queues' must be a list of queue numbers, e.g. [800]",
      "line 9: department 'Nope' is not defined under 'departments' (defined: Sales)",
      "line 11: unknown key 'queue' in a manager entry (did you mean 'queues'?); expected who, extensions, queues or departments",
      "line 12: a manager entry needs 'who': an e-mail, a Slack user id (U0123ABCD) or a Teams object id (a GUID), or a list of them",
      "line 15: 'x' in 'extensions' is not an extension number (digits only, e.g. 101)",
      "line 17: 'zz' in 'identities' is not an e-mail, a Slack user id (U0123ABCD) or a Teams object id (a GUID)",
      "line 18: 'erin@contoso.com' in 'identities' needs an extension number, e.g. 105",
      "line 19: unknown key 'adminz' (did you mean 'admins'?); expected version, admins, managers, departments or identities",
    ]);
  });

  it('reports shapes that are not what the policy expects', () => {
    expect(issuesOf('- alice@example.com\n')).toEqual([
      'line 1: the policy must be a mapping with admins, managers, departments and identities (see docs/access-policy.example.yaml)',
    ]);
    expect(issuesOf('admins: alice@example.com\n')).toEqual([
      "line 1: 'admins' must be a list of people (an e-mail, a Slack user id (U0123ABCD) or a Teams object id (a GUID)), e.g. [alice@example.com]",
    ]);
    expect(issuesOf('managers:\n  who: carol@example.com\n')).toEqual([
      "line 2: 'managers' must be a list of entries like { who: carol@example.com, queues: [800] }",
    ]);
    expect(issuesOf('managers:\n  - who: carol@example.com\n')).toEqual([
      'line 2: a manager entry gives nothing to see: add extensions, queues or departments',
    ]);
    expect(issuesOf('departments:\n  Sales: [101]\n')).toEqual([
      "line 2: department 'Sales' must be a mapping with extensions and/or queues, e.g. { extensions: [108], queues: [801] }",
    ]);
    expect(issuesOf('admins:\n  - [alice@example.com]\n')).toEqual([
      "line 2: each entry of 'admins' must be one person (an e-mail, a Slack user id (U0123ABCD) or a Teams object id (a GUID))",
    ]);
  });

  it('reports YAML syntax errors and duplicate keys at their line', () => {
    expect(issuesOf('admins:\n  - alice@example.com\nadmins: []\n')).toEqual([
      'line 3: YAML syntax: Map keys must be unique',
    ]);
    expect(issuesOf('admins: [alice@example.com\nmanagers: []\n')[0]).toMatch(/^line \d: YAML syntax: /);
  });
});

describe('loadAccessPolicy', () => {
  it("stops with the file, the line and the problem: line 7: 'queues' must be a list", async () => {
    const path = await writePolicyFile(POLICY_INVALID_AT_LINE_7);
    const error = await loadError(path);
    expect(error.kind).toBe('config');
    expect(error.message).toBe(
      `ACCESS_POLICY ${path} line 7: 'queues' must be a list of queue numbers, e.g. [800]`,
    );
    expect(error.hint).toBe(
      'Fix the file (see docs/access.md and docs/access-policy.example.yaml) and start the bot again.',
    );
  });

  it('lists several problems one per line', () => {
    expect(() => readAccessPolicyText('admins: [bob]\nqueues: []\n', 'policy.yaml')).toThrow(
      [
        'ACCESS_POLICY policy.yaml has 2 problems:',
        "  line 1: 'bob' in 'admins' is not an e-mail, a Slack user id (U0123ABCD) or a Teams object id (a GUID)",
        "  line 2: unknown key 'queues'; expected version, admins, managers, departments or identities",
      ].join('\n'),
    );
  });

  it('says when the file is missing', async () => {
    const error = await loadError('/nonexistent/calls-bot/policy.yaml');
    expect(error.message).toBe('ACCESS_POLICY /nonexistent/calls-bot/policy.yaml: there is no such file.');
    expect(error.hint).toBe(
      'Set ACCESS_POLICY to the path of a readable YAML file (see docs/access-policy.example.yaml), or unset it.',
    );
  });
});
