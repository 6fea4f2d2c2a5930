import { wordDiff } from '../../src/plugins/translations/server/src/workspace/word-diff';

/** The side panel's diff of a source change (workspace/word-diff.ts). */
describe('wordDiff', () => {
  const join = (parts: ReturnType<typeof wordDiff>, without: 'insert' | 'delete') => parts.filter((part) => part.op !== without).map((part) => part.text).join('');

  it('marks the words that changed, and its parts give back both texts exactly', () => {
    const before = 'Many families lived along the railway.';
    const after = 'Many poor families lived along the old railway.';
    const parts = wordDiff(before, after);
    expect(join(parts, 'insert')).toBe(before);
    expect(join(parts, 'delete')).toBe(after);
    expect(parts.filter((part) => part.op === 'insert').map((part) => part.text.trim())).toEqual(['poor', 'old']);
    expect(parts.some((part) => part.op === 'delete')).toBe(false);
  });

  it('no change: one equal part', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ op: 'equal', text: 'same text' }]);
  });
});
