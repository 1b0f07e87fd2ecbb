import { alertCommandWords, parseAlertCommand } from '../../src/alerts/parse-alert-command';
import { readAlertChange } from '../../src/alerts/read-alert-command-change';

/** The message and the example a refused alert command shows (`Try: …`). */
function refusalOf(text: string): { message: string; hint: string | undefined } {
  const parsed = parseAlertCommand(text);
  if (!parsed) throw new Error(`"${text}" was not read as an alert command`);
  if (parsed.ok) throw new Error(`"${text}" was accepted: ${JSON.stringify(parsed.command)}`);
  return { message: parsed.error.message, hint: parsed.error.hint };
}

function commandOf(text: string) {
  const parsed = parseAlertCommand(text);
  if (!parsed?.ok) throw new Error(`"${text}" was not accepted: ${JSON.stringify(parsed)}`);
  return parsed.command;
}

describe('parseAlertCommand', () => {
  it('reads a subscription with its queues and extensions, in any order and list spelling', () => {
    expect(commandOf('alerts missed')).toEqual({
      kind: 'subscribe',
      filters: { extensions: [], queues: [] },
    });
    expect(commandOf('Alerts MISSED queue 800')).toEqual({
      kind: 'subscribe',
      filters: { extensions: [], queues: ['800'] },
    });
    expect(commandOf('alerts missed ext 101, 102 queue 800,801')).toEqual({
      kind: 'subscribe',
      filters: { extensions: ['101', '102'], queues: ['800', '801'] },
    });
    expect(commandOf('alert missed extensions 101 or 102 and 103 ext 101')).toEqual({
      kind: 'subscribe',
      filters: { extensions: ['101', '102', '103'], queues: [] },
    });
  });

  it('reads the listing, the end of one by its id (typed loosely) and help', () => {
    expect(commandOf('alerts')).toEqual({ kind: 'list' });
    expect(commandOf('alerts list')).toEqual({ kind: 'list' });
    expect(commandOf('alerts off K3M9OA')).toEqual({ kind: 'off', id: 'k3m90a' });
    expect(commandOf('alerts help')).toEqual({ kind: 'help' });
  });

  it('leaves every other text to the report parser', () => {
    expect(parseAlertCommand('yesterday missed')).toBeUndefined();
    expect(parseAlertCommand('missed alerts')).toBeUndefined();
    expect(parseAlertCommand('')).toBeUndefined();
    expect(parseAlertCommand('schedules')).toBeUndefined();
  });

  it('normalises what explain and the audit log show', () => {
    expect(alertCommandWords(commandOf('alerts missed ext 102,101 queue 800'))).toBe(
      'alerts missed queue 800 ext 102,101',
    );
    expect(alertCommandWords(commandOf('alerts list'))).toBe('alerts');
    expect(alertCommandWords(commandOf('alerts off ABC123'))).toBe('alerts off abc123');
    expect(alertCommandWords(commandOf('alerts ?'))).toBe('alerts help');
  });

  it('refuses a typo of "missed", keeping the filters in the example', () => {
    expect(refusalOf('alerts mised')).toEqual({
      message: 'I could not read "mised" after "alerts". Did you mean "missed"?',
      hint: 'Try: alerts missed',
    });
    expect(refusalOf('alerts misssed queue 800').hint).toBe('Try: alerts missed queue 800');
  });

  it('refuses other kinds of alert: only missed calls are alerted', () => {
    expect(refusalOf('alerts answered queue 800')).toEqual({
      message:
        'Alerts come for missed calls only, so "answered" cannot follow "alerts": write "alerts missed", with "queue N" or "ext N" if you like.',
      hint: 'Try: alerts missed queue 800',
    });
  });

  it('refuses a filter without "missed", and anything else after "alerts", with an example', () => {
    expect(refusalOf('alerts queue 800')).toEqual({
      message:
        'Say which calls first: alerts are for missed calls, "alerts missed" and then "queue" and its numbers.',
      hint: 'Try: alerts missed queue 800',
    });
    expect(refusalOf('alerts please')).toEqual({
      message:
        'I could not read "please" after "alerts": "alerts missed" turns alerts on here (add "queue N" or "ext N" for some calls only), "alerts" lists them, "alerts off <id>" ends one.',
      hint: 'Try: alerts missed',
    });
  });

  it('refuses "ext" or "queue" without a number, suggesting one beside what was read', () => {
    expect(refusalOf('alerts missed ext')).toEqual({
      message:
        '"ext" needs an extension number, e.g. "alerts missed ext 101" or "alerts missed ext 101,102".',
      hint: 'Try: alerts missed ext 101',
    });
    expect(refusalOf('alerts missed queue 800 queue sales')).toEqual({
      message:
        '"queue" needs a queue number, e.g. "alerts missed queue 800" or "alerts missed queue 800,801".',
      hint: 'Try: alerts missed queue 800',
    });
  });

  it('refuses words after "alerts missed" other than queue and ext, naming a likely one', () => {
    expect(refusalOf('alerts missed qeue 800')).toEqual({
      message:
        'I could not read "qeue" in an alert command. Did you mean "queue"? Only "queue N" and "ext N" may follow "alerts missed".',
      hint: 'Try: alerts missed queue 800',
    });
    expect(refusalOf('alerts missed ext 101 yesterday')).toEqual({
      message:
        'I could not read "yesterday" in an alert command. Only "queue N" and "ext N" may follow "alerts missed".',
      hint: 'Try: alerts missed ext 101',
    });
    expect(refusalOf('alerts missed 800').message).toBe(
      'I could not read "800" in an alert command. Say what 800 is: "queue 800" or "ext 800".',
    );
  });

  it('refuses "alerts off" without a usable id, and other ways of ending alerts', () => {
    expect(refusalOf('alerts off')).toEqual({
      message: 'Say which alerts to end: "alerts off k3m9qa" ("alerts" lists them with their ids).',
      hint: 'Try: alerts',
    });
    expect(refusalOf('alerts off everything')).toEqual({
      message:
        '"everything" is not an alert id: ids are 6 letters and digits, like k3m9qa. "alerts" lists them.',
      hint: 'Try: alerts',
    });
    expect(refusalOf('alerts off k3m9qa now')).toEqual({
      message: '"alerts off k3m9qa" takes nothing more; I could not use "now".',
      hint: 'Try: alerts off k3m9qa',
    });
    expect(refusalOf('alerts delete k3m9qa')).toEqual({
      message: 'To end alerts, write "alerts off" and the id: "alerts off k3m9qa" ("alerts" lists them).',
      hint: 'Try: alerts off k3m9qa',
    });
  });

  it('tells adapters which commands change the conversation', () => {
    expect(readAlertChange('alerts missed queue 800')).toBe('subscribe');
    expect(readAlertChange('alerts off k3m9qa')).toBe('unsubscribe');
    expect(readAlertChange('alerts')).toBeUndefined();
    expect(readAlertChange('alerts mised')).toBeUndefined();
    expect(readAlertChange('yesterday')).toBeUndefined();
  });
});
