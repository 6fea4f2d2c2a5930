/**
 * A word-level diff of two texts: what a translator needs to see of a source change ("which
 * words changed"), not a character diff. Words and the spaces between them are tokens, so the
 * parts joined give back each text exactly. Common prefix and suffix are cut before the
 * longest-common-subsequence table, so a small change in a long text costs little.
 */

export type DiffPart = { op: 'equal' | 'insert' | 'delete'; text: string };

const tokens = (text: string): string[] => text.split(/(\s+)/).filter((token) => token !== '');

/** Above this many cells the middle is shown as one deletion and one insertion. */
const MAX_CELLS = 4_000_000;

export const wordDiff = (before: string, after: string): DiffPart[] => {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('equal', a.slice(0, start).join(''));

  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push('delete', midA.join(''));
    push('insert', midB.join(''));
  } else {
    // lengths[i][j]: longest common subsequence of midA[i..] and midB[j..]
    const width = midB.length + 1;
    const lengths = new Uint32Array((midA.length + 1) * width);
    for (let i = midA.length - 1; i >= 0; i -= 1) {
      for (let j = midB.length - 1; j >= 0; j -= 1) {
        lengths[i * width + j] = midA[i] === midB[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (midA[i] === midB[j]) {
        push('equal', midA[i]);
        i += 1;
        j += 1;
      } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
        push('delete', midA[i]);
        i += 1;
      } else {
        push('insert', midB[j]);
        j += 1;
      }
    }
    push('delete', midA.slice(i).join(''));
    push('insert', midB.slice(j).join(''));
  }
  push('equal', a.slice(endA).join(''));
  return parts;
};
