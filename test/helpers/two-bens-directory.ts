import type { DemoPbx } from '../../src/demo/demo-pbx';

/** Serves the demo directory with Chloé Durand (102) renamed Ben: "ben" is then two people. */
export function serveTwoBens(pbx: DemoPbx): void {
  const users = pbx.directory.users.map((user, index) => ({
    Id: index + 1,
    Number: user.number,
    FirstName: user.number === '102' ? 'Ben' : user.firstName,
    LastName: user.lastName,
    EmailAddress: user.email ?? null,
  }));
  pbx.misbehave({
    endpoint: 'users',
    status: 200,
    body: { '@odata.count': users.length, value: users },
    times: Number.MAX_SAFE_INTEGER,
  });
}
