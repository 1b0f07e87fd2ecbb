import { runWithWorkingNote } from '../../../src/adapters/slack/run-with-working-note';

describe('runWithWorkingNote', () => {
  it('sends no note when the work finishes first', async () => {
    const notify = jest.fn(async () => {});
    const outcome = await runWithWorkingNote(async () => 'report', { delayMs: 60_000, notify });
    expect(outcome).toEqual({ result: 'report', noted: false });
    expect(notify).not.toHaveBeenCalled();
  });

  it('sends no note at all when the delay is infinite', async () => {
    const notify = jest.fn(async () => {});
    let finish = () => {};
    const work = new Promise<string>((resolve) => {
      finish = () => resolve('done');
    });
    const running = runWithWorkingNote(() => work, { delayMs: Number.POSITIVE_INFINITY, notify });
    await new Promise((resolve) => setTimeout(resolve, 20));
    finish();
    expect(await running).toEqual({ result: 'done', noted: false });
    expect(notify).not.toHaveBeenCalled();
  });

  it('sends the note once when the work is still running, and waits for it', async () => {
    const order: string[] = [];
    let noteSent = () => {};
    const noted = new Promise<void>((resolve) => {
      noteSent = resolve;
    });
    const notify = jest.fn(async () => {
      order.push('note');
      noteSent();
    });
    const outcome = await runWithWorkingNote(
      async () => {
        await noted;
        order.push('work done');
        return 42;
      },
      { delayMs: 1, notify },
    );
    expect(outcome).toEqual({ result: 42, noted: true });
    expect(order).toEqual(['note', 'work done']);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('reports a failed note as not sent, and passes a failure of the work on', async () => {
    let failed = () => {};
    const noteFailed = new Promise<void>((resolve) => {
      failed = resolve;
    });
    const outcome = await runWithWorkingNote(
      async () => {
        await noteFailed;
        return 'late';
      },
      {
        delayMs: 1,
        notify: async () => {
          failed();
          throw new Error('response_url expired');
        },
      },
    );
    expect(outcome).toEqual({ result: 'late', noted: false });
    await expect(
      runWithWorkingNote(async () => Promise.reject(new Error('boom')), {
        delayMs: 60_000,
        notify: async () => {},
      }),
    ).rejects.toThrow('boom');
  });
});
