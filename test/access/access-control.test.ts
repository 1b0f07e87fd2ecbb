import type { AccessDecision } from '../../src/access/authorize-request';
import { DEMO_ACCESS_NOTE } from '../../src/access/unmapped-access';
import type { ReportRequest } from '../../src/core/report-request';
import { createTestAccess, requestOf, slackUser, teamsUser } from './access-fixtures';

function allowed(decision: AccessDecision): { request: ReportRequest; notes: string[]; narrowed: boolean } {
  if (!decision.ok) throw new Error(`refused: ${decision.error.message}`);
  return decision;
}

function refused(decision: AccessDecision): { kind: string; message: string; hint: string | undefined } {
  if (decision.ok) throw new Error('expected a refusal');
  return { kind: decision.error.kind, message: decision.error.message, hint: decision.error.hint };
}

const BEN = slackUser('U0BEN00101', 'Ben.Okafor@Example.com');
const CAROL = slackUser('U0CAROL001', 'carol.lead@example.com');
const DAVE = slackUser('U0DAVE0001');
const ALICE = teamsUser('0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0');
const NOBODY = slackUser('U0NOBODY01', 'nobody@example.com');

describe('AccessControl.authorize', () => {
  it('narrows an agent without filters to their extension (e-mail matched case-insensitively)', async () => {
    const { access } = createTestAccess();
    const decision = allowed(await access.authorize(BEN, requestOf('last week')));
    expect(decision.request.scope).toEqual({ extensions: ['101'], queues: [] });
    expect(decision.request.filters).toEqual(requestOf('last week').filters);
    expect(decision.narrowed).toBe(true);
    expect(decision.notes).toEqual(['Showing only the calls of your extension 101.']);
  });

  it("lets an agent ask for their own extension and refuses another's, naming it", async () => {
    const { access } = createTestAccess();
    const own = allowed(await access.authorize(BEN, requestOf('last week ext 101 missed')));
    expect(own).toMatchObject({ narrowed: false, notes: [] });
    expect(own.request.scope).toEqual({ extensions: ['101'], queues: [] });
    expect(refused(await access.authorize(BEN, requestOf('last week ext 102')))).toEqual({
      kind: 'forbidden',
      message: 'You may not see the calls of extension 102.',
      hint: 'Your access covers extension 101; ask without ext or queue to see all of it (e.g. last week), or ask an admin to widen your access.',
    });
    expect(refused(await access.authorize(BEN, requestOf('today ext 101,102 queue 800'))).message).toBe(
      'You may not see the calls of extension 102 or queue 800.',
    );
  });

  it("refuses a comparison one of whose sides is outside the asker's scope, naming it", async () => {
    const { access } = createTestAccess();
    expect(refused(await access.authorize(BEN, requestOf('last week ext 101 vs ext 102'))).message).toBe(
      'You may not see the calls of extension 102.',
    );
    expect(
      refused(await access.authorize(BEN, requestOf('compare ext 102 to ext 101 last week'))).message,
    ).toBe('You may not see the calls of extension 102.');
    const own = allowed(await access.authorize(BEN, requestOf('ext 101 this week vs last week')));
    expect(own.request.comparison?.sides.map((side) => side.filters.extensions)).toEqual([['101'], ['101']]);
  });

  it('gives a manager their queue, refuses another, and narrows to it', async () => {
    const { access } = createTestAccess();
    expect(allowed(await access.authorize(CAROL, requestOf('last week queue 800'))).request.scope).toEqual({
      extensions: [],
      queues: ['800'],
    });
    expect(refused(await access.authorize(CAROL, requestOf('last week queue 801'))).message).toBe(
      'You may not see the calls of queue 801.',
    );
    const narrowed = allowed(await access.authorize(CAROL, requestOf('yesterday')));
    expect(narrowed.notes).toEqual(['Showing only the calls of your access (queue 800).']);
  });

  it("adds a manager's own extension to what they manage", async () => {
    const { access } = createTestAccess({
      yaml: 'managers:\n  - who: harry.lindqvist@example.com\n    queues: [800]\n',
    });
    const harry = slackUser('U0HARRY001', 'harry.lindqvist@example.com');
    const decision = allowed(await access.authorize(harry, requestOf('today')));
    expect(decision.request.scope).toEqual({ extensions: ['108'], queues: ['800'] });
    expect(decision.notes).toEqual(['Showing only the calls of your access (extension 108 and queue 800).']);
  });

  it("gives a department manager the department's extensions and queues", async () => {
    const { access } = createTestAccess();
    const decision = allowed(await access.authorize(DAVE, requestOf('today missed')));
    expect(decision.request.scope).toEqual({ extensions: ['108', '109'], queues: ['801'] });
    expect(decision.notes).toEqual([
      'Showing only the calls of your access (extensions 108, 109 and queue 801).',
    ]);
    expect(allowed(await access.authorize(DAVE, requestOf('today ext 109 queue 801'))).narrowed).toBe(false);
  });

  it('leaves an admin (by Slack id, e-mail or Teams object id in any case) unrestricted', async () => {
    const { access, directoryLoads } = createTestAccess();
    for (const admin of [slackUser('U0ADMIN001'), slackUser('U0X', 'ALICE.admin@example.com'), ALICE]) {
      const decision = allowed(await access.authorize(admin, requestOf('last week ext 102')));
      expect(decision.request).toEqual(requestOf('last week ext 102'));
      expect(decision.notes).toEqual([]);
    }
    expect(directoryLoads()).toBe(0);
    // The same Slack id on Teams is somebody else.
    expect(refused(await access.authorize(teamsUser('U0ADMIN001'), requestOf('today'))).kind).toBe(
      'forbidden',
    );
  });

  it('tells an unmapped user how to get access, and lets ACCESS_UNMAPPED=all see everything', async () => {
    const { access } = createTestAccess();
    expect(refused(await access.authorize(NOBODY, requestOf('last week')))).toEqual({
      kind: 'forbidden',
      message: 'You have no access to call reports yet: your Slack account is not linked to a 3CX extension.',
      hint: "Ask your 3CX administrator to give your 3CX user the same e-mail as your Slack account (nobody@example.com), or to add you to the bot's access policy (ACCESS_POLICY).",
    });
    expect(refused(await access.authorize(teamsUser('a-b'), requestOf('today'))).hint).toBe(
      "Ask your 3CX administrator to give your 3CX user the same e-mail as your Teams account, or to add you to the bot's access policy (ACCESS_POLICY).",
    );
    const open = createTestAccess({ unmapped: 'all' }).access;
    const decision = allowed(await open.authorize(NOBODY, requestOf('last week ext 102')));
    expect(decision.request.scope).toBeUndefined();
    // Mapped users stay agents even then.
    expect((await open.authorize(BEN, requestOf('last week ext 102'))).ok).toBe(false);
  });

  it('under the demo rule shows an unlinked user every call with the demo note, and nobody else gets it', async () => {
    const { access, lines } = createTestAccess({ unmapped: 'demo' });
    for (const text of ['last week', 'last week ext 102 queue 800', 'rows yesterday']) {
      const decision = allowed(await access.authorize(NOBODY, requestOf(text)));
      expect(decision.request.scope).toBeUndefined();
      expect(decision.notes).toEqual([DEMO_ACCESS_NOTE]);
    }
    expect(lines.at(-1)).toMatchObject({ role: 'viewer', decision: 'allowed' });
    // Linked people stay agents, admins stay admins: no note for them.
    expect(allowed(await access.authorize(BEN, requestOf('last week'))).notes).toEqual([
      'Showing only the calls of your extension 101.',
    ]);
    expect(allowed(await access.authorize(ALICE, requestOf('last week'))).notes).toEqual([]);
    // `me` still needs a linked extension, and a failed lookup is never taken for unlinked.
    expect(refused(await access.authorize(NOBODY, requestOf('me yesterday'))).kind).toBe('forbidden');
    const unknown = { ...slackUser('U0GHOST001'), identityUnknown: true };
    expect(refused(await access.authorize(unknown, requestOf('today'))).kind).toBe('identity');
  });

  it('resolves me to the asker’s extensions, pinned ones first, and refuses me for the unlinked', async () => {
    const { access } = createTestAccess();
    const ben = allowed(await access.authorize(BEN, requestOf('me yesterday')));
    expect(ben.request.filters.extensions).toEqual(['101']);
    expect(ben.request.me).toBe(false);
    const erin = allowed(
      await access.authorize(slackUser('U0ERIN0001', 'erin@contoso.com'), requestOf('me today')),
    );
    expect(erin.request.filters.extensions).toEqual(['102']);
    expect(erin.request.scope).toEqual({ extensions: ['102'], queues: [] });
    const daniel = allowed(
      await access.authorize(slackUser('U0DAN00001', 'daniel.whitfield@example.com'), requestOf('me today')),
    );
    expect(daniel.request.filters.extensions).toEqual(['103', '133']);
    const admin = await access.authorize(slackUser('U0ADMIN001'), requestOf('me today'));
    expect(refused(admin)).toEqual({
      kind: 'forbidden',
      message: '"me" means your own extension, but your Slack account is not linked to one.',
      hint: 'Name the extension instead (e.g. last week ext 101), or ask your 3CX administrator to give your 3CX user the same e-mail as your Slack account, or to pin you to your extension in the access policy.',
    });
  });

  it('explains the leg-level scope of the rows view', async () => {
    const { access } = createTestAccess();
    expect(allowed(await access.authorize(BEN, requestOf('rows yesterday'))).notes).toEqual([
      'Only rows whose source or destination is within your extension 101 are included.',
    ]);
  });

  it('treats the terminal and the playground as admins', async () => {
    const { access } = createTestAccess();
    const web = { platform: 'web' as const, id: 'playground', timeZone: 'UTC' };
    expect(
      allowed(await access.authorize(web, requestOf('last week ext 102'))).request.scope,
    ).toBeUndefined();
    expect(access.isAdmin(web)).toBe(true);
    expect(access.isAdmin(BEN)).toBe(false);
    expect(await access.roleOf(BEN)).toBe('agent');
    expect(await access.roleOf(DAVE)).toBe('manager');
    expect(await access.roleOf(NOBODY)).toBe('none');
  });

  it('writes one audit line per decision, numbers masked, no call data', async () => {
    const { access, lines } = createTestAccess();
    await access.authorize(BEN, requestOf('last week number +442071234567'), {
      command: 'last week number +442071234567',
      via: 'text',
    });
    await access.authorize(BEN, requestOf('last week ext 102'), {
      command: 'last week ext 102',
      via: 'previous',
    });
    await access.authorize(CAROL, requestOf('last week queue 800'), { command: 'last week queue 800' });
    expect(lines.map(({ time: _time, ...line }) => line)).toEqual([
      {
        level: 'info',
        message: 'audit',
        audit: true,
        platform: 'slack',
        user: 'U0BEN00101',
        email: 'Ben.Okafor@Example.com',
        via: 'text',
        command: 'last week number +••••••••••67',
        view: 'summary',
        role: 'agent',
        decision: 'narrowed',
      },
      {
        level: 'info',
        message: 'audit',
        audit: true,
        platform: 'slack',
        user: 'U0BEN00101',
        email: 'Ben.Okafor@Example.com',
        via: 'previous',
        command: 'last week ext 102',
        view: 'summary',
        role: 'agent',
        decision: 'refused',
        reason: 'You may not see the calls of extension 102.',
      },
      {
        level: 'info',
        message: 'audit',
        audit: true,
        platform: 'slack',
        user: 'U0CAROL001',
        email: 'carol.lead@example.com',
        via: 'text',
        command: 'last week queue 800',
        view: 'summary',
        role: 'manager',
        decision: 'allowed',
      },
    ]);
  });
});
