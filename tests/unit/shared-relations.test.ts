import { applyChange, changesLinks } from '../../src/plugins/translations/server/src/shared-relations';

/** How a change made to one locale's links is made in another's (shared-relations.ts). */
describe('applyChange', () => {
  const all = new Set(['a', 'b', 'c', 'd', 'p']);

  it.each([
    ['a connect', ['a'], ['a'], ['a', 'b'], all, ['a', 'b']],
    ['a disconnect', ['a', 'b'], ['a', 'b'], ['b'], all, ['b']],
    ['a reorder', ['a', 'b', 'c'], ['a', 'b', 'c'], ['c', 'a', 'b'], all, ['c', 'a', 'b']],
    ['a connect of a target with no version here: pending, not linked', ['a'], ['a'], ['a', 'x'], all, ['a']],
    ['a link only this locale has (its pending one elsewhere) stays, after the others', ['a', 'p'], ['a'], ['b', 'a'], all, ['b', 'a', 'p']],
    ['a change from a locale that lacks a link does not drop it here', ['a', 'p'], ['a'], ['a', 'b'], all, ['a', 'b', 'p']],
    ['nothing connected twice', ['a', 'b'], ['a'], ['a', 'b'], all, ['a', 'b']],
    ['a link only this locale has keeps its place when another is connected', ['a', 'p', 'c'], ['a', 'c'], ['a', 'c', 'd'], all, ['a', 'p', 'c', 'd']],
    ['a reorder around a link only this locale has', ['a', 'p', 'c'], ['a', 'c'], ['c', 'a'], all, ['c', 'p', 'a']],
  ] as const)('%s', (_name, current, before, after, available, expected) => {
    expect(applyChange([...current], [...before], [...after], available)).toEqual(expected);
  });
});

describe('changesLinks', () => {
  it.each([
    [undefined, false],
    [{ connect: [], disconnect: [] }, false],
    [{ connect: [{ documentId: 'a' }], disconnect: [] }, true],
    [{ disconnect: ['a'] }, true],
    [{ set: [] }, true],
    [['a'], true],
    [null, true],
  ])('%j: %s', (value, expected) => {
    expect(changesLinks(value)).toBe(expected);
  });
});
