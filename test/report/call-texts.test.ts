import { CallTexts, NO_TEXTS, TEXT_DESTINATION_DN, TEXT_SOURCE_NAME } from '../../src/report/call-texts';

describe('CallTexts', () => {
  it('keeps five texts a record, missing ones read as empty', () => {
    const texts = new CallTexts();
    const first = texts.allocate();
    const second = texts.allocate();
    expect([first, second]).toEqual([0, 1]);
    texts.set(first, TEXT_SOURCE_NAME, 'Ann');
    texts.set(second, TEXT_SOURCE_NAME, 'Bob');
    texts.set(second, TEXT_DESTINATION_DN, '101');
    expect(texts.get(first, TEXT_SOURCE_NAME)).toBe('Ann');
    expect(texts.get(first, TEXT_DESTINATION_DN)).toBe('');
    expect(texts.get(second, TEXT_DESTINATION_DN)).toBe('101');
    expect(texts.get(NO_TEXTS, TEXT_SOURCE_NAME)).toBe('');
  });

  it('hands a released record out again, emptied', () => {
    const texts = new CallTexts();
    const first = texts.allocate();
    texts.set(first, TEXT_SOURCE_NAME, 'Ann');
    texts.release(first);
    const reused = texts.allocate();
    expect(reused).toBe(first);
    expect(texts.get(reused, TEXT_SOURCE_NAME)).toBe('');
    expect(texts.allocate()).toBe(1);
  });
});
