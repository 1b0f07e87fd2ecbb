import { maskCommandText, maskNumber, maskNumbersInText } from '../../src/access/mask-number';
import { maskReport } from '../../src/access/mask-report';
import type { Report } from '../../src/core/report';

describe('maskNumber', () => {
  it.each([
    ['+442071234567', '+44 20•• ••4567'],
    ['+447712345678', '+44 77•• ••5678'],
    ['+14155551234', '+1 41•• ••1234'],
    ['+4930123456789', '+49 30•• •••6789'],
    ['+35312345678', '+353 12•• 5678'],
    ['00442071234567', '+44 20•• ••4567'],
    ['02071234567', '02•• •••4567'],
    ['+44 20 7123 4567', '+44 20•• ••4567'],
  ])('masks %s as %s', (number, masked) => {
    expect(maskNumber(number)).toBe(masked);
  });

  it.each(['101', '800', '8000', '10000', 'SP0', '', 'Anonymous'])(
    'keeps %j (not an external number)',
    (text) => {
      expect(maskNumber(text)).toBe(text);
    },
  );
});

describe('maskNumbersInText', () => {
  it('masks numbers inside names and leaves dates and extensions', () => {
    expect(maskNumbersInText('Jane Caller (+442071234567)')).toBe('Jane Caller (+44 20•• ••4567)');
    expect(maskNumbersInText('+44 20 7123 4567 called 101')).toBe('+44 20•• ••4567 called 101');
    expect(maskNumbersInText('Ben Okafor')).toBe('Ben Okafor');
    expect(maskNumbersInText('2026-11-01..2026-11-15')).toBe('2026-11-01..2026-11-15');
  });

  it.each([
    ['+44 20 7123 4567', '+44 20•• ••4567'],
    ['020-7123-4567', '02•• •••4567'],
    ['(020) 7123 4567', '(02•• •••4567'],
    ['030/1234 5678', '03•• •••5678'],
    ['+44\u00a020\u20137123\u20134567', '+44 20•• ••4567'],
    ['+44\u200e20\u202e7123\u200b4567', '+44 20•• ••4567'],
    ['abc442071234567def', 'abc44•• ••••4567def'],
  ])('masks %j, whatever separates or surrounds its digits', (text, masked) => {
    expect(maskNumbersInText(text)).toBe(masked);
  });

  it("masks every run of 7 or more digits in a recording's file name, the time stamp too", () => {
    expect(maskNumbersInText('/recordings/[Ben]_101-+442071234567_20261117080211(42).wav')).toBe(
      '/recordings/[Ben]_101-+44 20•• ••4567_20•• ••••••••1142).wav',
    );
    expect(maskNumbersInText('101/[Ben Okafor]_+442071234567-101_20261117080211(42).wav')).toBe(
      '101/[Ben Okafor]_+44 20•• •••••7101_20•• ••••••••1142).wav',
    );
  });

  it('keeps a date, but not a number written after one', () => {
    expect(maskNumbersInText('2026-11-17')).toBe('2026-11-17');
    expect(maskNumbersInText('2026-11-17 02071234567')).not.toMatch(/\d{5}/);
  });
});

describe('maskCommandText', () => {
  it('masks phone numbers and number filters but not windows or extensions', () => {
    expect(
      maskCommandText(
        'list from=2026-11-01T08:00:00.000+01:00 to=2026-11-02T00:00:00.000+01:00 ext 101 number +442071234567,4567',
      ),
    ).toBe(
      'list from=2026-11-01T08:00:00.000+01:00 to=2026-11-02T00:00:00.000+01:00 ext 101 number +••••••••••67,••67',
    );
    expect(maskCommandText(`rows filter="SourceCallerId eq '+442071234567'"`)).toBe(
      `rows filter="SourceCallerId eq '+44 20•• ••4567'"`,
    );
  });
});

describe('maskReport', () => {
  it('masks callers and callees in the missed calls and the call list, nothing else', () => {
    const report: Report = {
      window: { from: 'a', to: 'b', timeZone: 'UTC' },
      filters: { extensions: ['101'], queues: [], numbers: ['4420'], directions: [], status: null },
      totals: {
        calls: 2,
        inbound: 1,
        outbound: 1,
        internal: 0,
        answered: 1,
        missed: 1,
        talkSeconds: 60,
        avgTalkSeconds: 60,
        avgWaitSeconds: 5,
        longestTalkSeconds: 60,
        serviceLevelPercent: 100,
      },
      byExtension: [
        {
          extension: '101',
          name: 'Ben Okafor',
          calls: 2,
          answered: 1,
          missed: 1,
          outbound: 1,
          talkSeconds: 60,
        },
      ],
      byQueue: [],
      byHour: new Array<number>(24).fill(0),
      missedCalls: [
        {
          start: 's1',
          from: '+442071234567',
          fromName: '+442071234567',
          to: '101',
          toName: 'Ben Okafor',
          waitSeconds: 9,
        },
      ],
      calls: [
        {
          start: 's2',
          direction: 'outbound',
          from: '101',
          fromName: 'Ben Okafor',
          to: '+14155551234',
          toName: 'Acme Ltd',
          answered: true,
          talkSeconds: 60,
          waitSeconds: 0,
        },
      ],
    };
    const masked = maskReport(report);
    expect(masked.missedCalls).toEqual([
      {
        start: 's1',
        from: '+44 20•• ••4567',
        fromName: '+44 20•• ••4567',
        to: '101',
        toName: 'Ben Okafor',
        waitSeconds: 9,
      },
    ]);
    expect(masked.calls?.[0]).toMatchObject({ from: '101', to: '+1 41•• ••1234', toName: 'Acme Ltd' });
    expect({ ...masked, missedCalls: report.missedCalls, calls: report.calls }).toEqual(report);
    expect(report.missedCalls[0]?.from).toBe('+442071234567');
  });
});
