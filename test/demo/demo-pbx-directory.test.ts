import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { DEMO_NOW, fetchToken, getJson, type Row, rowsOf } from './demo-pbx-client';

describe('demo PBX: Users, Queues, Defs and unknown paths', () => {
  let pbx: DemoPbx;
  let token: string;

  beforeAll(async () => {
    pbx = await startDemoPbx({ now: DEMO_NOW, days: 1 });
    token = await fetchToken(pbx);
  });

  afterAll(async () => {
    await pbx.close();
  });

  const get = (path: string) => getJson(pbx, path, token);

  it('lists 25 users, extensions 100-124, with Ben Okafor on 101 and Chloé Durand on 102', async () => {
    const answer = await get('/xapi/v1/Users');
    expect(answer.status).toBe(200);
    expect((answer.json as Record<string, unknown>)['@odata.context']).toBe(
      `${pbx.url}/xapi/v1/$metadata#Users`,
    );
    const users = rowsOf(answer);
    expect(users.map((user) => user.Number)).toEqual(
      Array.from({ length: 25 }, (_, index) => String(100 + index)),
    );
    expect(users.find((user) => user.Number === '101')).toEqual({
      Id: 2,
      Number: '101',
      FirstName: 'Ben',
      LastName: 'Okafor',
      DisplayName: 'Ben Okafor',
      EmailAddress: 'ben.okafor@example.com',
      Mobile: '',
      IsRegistered: true,
    });
    expect(users.find((user) => user.Number === '102')).toMatchObject({
      DisplayName: 'Chloé Durand',
      EmailAddress: 'chloe.durand@example.com',
    });
  });

  it('supports $select, $top, $skip, $count and $filter on Users', async () => {
    const page = await get('/xapi/v1/Users?$select=Number,DisplayName&$top=2&$skip=1&$count=true');
    expect(page.json).toEqual({
      '@odata.context': `${pbx.url}/xapi/v1/$metadata#Users`,
      '@odata.count': 25,
      value: [
        { Number: '101', DisplayName: 'Ben Okafor' },
        { Number: '102', DisplayName: 'Chloé Durand' },
      ],
    });
    const filtered = await get(
      `/xapi/v1/Users?$filter=${encodeURIComponent("LastName eq 'O''Brien'")}&$select=Number`,
    );
    expect(rowsOf(filtered)).toEqual([{ Number: '106' }]);
    expect((await get('/xapi/v1/Users?$select=Password')).status).toBe(400);
  });

  it("answers Users(Number='101') with one entity", async () => {
    const answer = await get("/xapi/v1/Users(Number='101')?$select=Id,FirstName");
    expect(answer.json).toEqual({
      '@odata.context': `${pbx.url}/xapi/v1/$metadata#Users/$entity`,
      Id: 2,
      FirstName: 'Ben',
    });
    expect((await get("/xapi/v1/Users(Number='999')")).status).toBe(404);
  });

  it('lists the two queues, with agents on $expand=Agents', async () => {
    const plain = rowsOf(await get('/xapi/v1/Queues'));
    expect(plain.map((queue) => [queue.Id, queue.Number, queue.Name, 'Agents' in queue])).toEqual([
      [1, '800', 'Sales', false],
      [2, '801', 'Support', false],
    ]);
    const expanded = rowsOf(await get('/xapi/v1/Queues?$expand=Agents'));
    const salesAgents = expanded[0]!.Agents as Row[];
    expect(salesAgents.map((agent) => agent.Number)).toEqual([
      '101',
      '102',
      '103',
      '104',
      '105',
      '106',
      '107',
    ]);
    expect(salesAgents[0]).toEqual({ Id: 101, Number: '101', Name: 'Ben Okafor' });
    expect((expanded[1]!.Agents as Row[]).length).toBe(8);
  });

  it('answers Defs with a small object', async () => {
    const answer = await get('/xapi/v1/Defs');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ Id: 0, Version: '20.0.10.923' });
  });

  it('answers unknown paths with 404 and an OData error body (401 first under /xapi/v1)', async () => {
    const unknown = await get('/xapi/v1/ActiveCalls');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({
      error: {
        code: '',
        message: "No HTTP resource was found that matches the request URI '/xapi/v1/ActiveCalls'.",
      },
    });
    expect((await getJson(pbx, '/xapi/v1/ActiveCalls')).status).toBe(401);
    expect((await getJson(pbx, '/')).status).toBe(404);
  });

  it('exposes the same company as a core Directory', () => {
    expect(pbx.directory.users).toHaveLength(25);
    expect(pbx.directory.users[1]).toEqual({
      number: '101',
      firstName: 'Ben',
      lastName: 'Okafor',
      email: 'ben.okafor@example.com',
    });
    expect(pbx.directory.queues).toEqual([
      { number: '800', name: 'Sales' },
      { number: '801', name: 'Support' },
    ]);
  });
});
