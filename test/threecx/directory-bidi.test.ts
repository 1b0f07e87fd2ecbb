import { createTestClient, type DemoPbx, useTestPbx } from './demo-helpers';

let pbx: DemoPbx;
useTestPbx((started) => {
  pbx = started;
});

describe('getDirectory of a PBX whose names carry bidi controls', () => {
  it('reads the names without them, ZWJ/ZWNJ kept, numbers and e-mails as sent', async () => {
    pbx.misbehave({
      endpoint: 'users',
      status: 200,
      body: {
        '@odata.count': 2,
        value: [
          {
            Id: 1,
            Number: '101',
            FirstName: '\u202eBen\u202c',
            LastName: 'Oka\u2066for\u2069\u200e',
            EmailAddress: 'ben@example.com',
          },
          { Id: 2, Number: '102', DisplayName: '\u200fZo\u200cë \u{1F469}\u200d\u{1F4BB}\u061c' },
        ],
      },
    });
    pbx.misbehave({
      endpoint: 'queues',
      status: 200,
      body: {
        '@odata.count': 1,
        value: [{ Id: 1, Number: '800', Name: '\u202bSales\u202a\u202d\u2067\u2068' }],
      },
    });
    const client = createTestClient(pbx);
    expect(await client.getDirectory()).toEqual({
      users: [
        { number: '101', firstName: 'Ben', lastName: 'Okafor', email: 'ben@example.com' },
        { number: '102', firstName: 'Zo\u200cë \u{1F469}\u200d\u{1F4BB}', lastName: '' },
      ],
      queues: [{ number: '800', name: 'Sales' }],
    });
    await client.close();
  });
});
