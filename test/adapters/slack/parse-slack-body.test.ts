import { parseSlackBody } from '../../../src/adapters/slack/parse-slack-body';

describe('parseSlackBody', () => {
  it('reads the form fields of a slash command', () => {
    const body =
      'command=%2Fcalls&text=last+week+ext+101&user_id=U1&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1';
    expect(parseSlackBody(body, 'application/x-www-form-urlencoded')).toEqual({
      command: '/calls',
      text: 'last week ext 101',
      user_id: 'U1',
      response_url: 'https://hooks.slack.com/commands/1',
    });
  });

  it('reads the JSON in the payload field of an interactivity request', () => {
    const payload = { type: 'block_actions', actions: [{ action_id: 'calls_next', value: 'v' }] };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    expect(parseSlackBody(body, 'application/x-www-form-urlencoded; charset=utf-8')).toEqual(payload);
  });

  it('reads Events API JSON', () => {
    expect(parseSlackBody('{"type":"url_verification","challenge":"abc"}', 'application/json')).toEqual({
      type: 'url_verification',
      challenge: 'abc',
    });
  });

  it('returns undefined for malformed JSON, a payload that is not an object, and other content types', () => {
    expect(parseSlackBody('{"type":', 'application/json')).toBeUndefined();
    expect(parseSlackBody('[1,2]', 'application/json')).toBeUndefined();
    expect(parseSlackBody('payload=%7Bnope', 'application/x-www-form-urlencoded')).toBeUndefined();
    expect(parseSlackBody('payload=42', 'application/x-www-form-urlencoded')).toBeUndefined();
    expect(parseSlackBody('command=/calls', 'text/plain')).toBeUndefined();
    expect(parseSlackBody('command=/calls', undefined)).toBeUndefined();
  });
});
