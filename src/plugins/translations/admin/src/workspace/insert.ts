import type { Block, Inline } from './types';

/**
 * Where a translation memory suggestion goes when the translator presses "Insert": at the same
 * place in the translation as its source text is in the source. A text field, or a paragraph of
 * rich text, that is still empty takes it; one that has text gets it appended (a sentence at a
 * time). Paths are the server's: `summary`, `summary#1` (a sentence), `background/0` (a block),
 * `background/2/1` (a list item), `keyFigures/0/label` (a component's field).
 */

const appendText = (current: string, text: string): string => (current.trim() === '' ? text : `${current.trimEnd()} ${text}`);

const blockText = (block: Block): string =>
  (block.children ?? []).map((child) => ('text' in child ? String(child.text) : 'children' in child ? blockText(child as Block) : '')).join('');

const insertIntoBlocks = (value: unknown, indices: number[], text: string): Block[] => {
  const blocks: Block[] = Array.isArray(value) ? JSON.parse(JSON.stringify(value)) : [];
  let siblings = blocks;
  let target: Block | undefined;
  for (const index of indices) {
    target = siblings[index];
    if (!target) break;
    siblings = (target.children ?? []) as Block[];
  }
  if (!target || !['paragraph', 'heading', 'quote', 'list-item'].includes(target.type)) {
    blocks.push({ type: 'paragraph', children: [{ type: 'text', text }] });
    return blocks;
  }
  const existing = blockText(target);
  const inline: Inline = { type: 'text', text: existing.trim() === '' ? text : ` ${text}` };
  target.children = existing.trim() === '' ? [inline] : [...(target.children ?? []), inline];
  return blocks;
};

/** The form field to change and its new value. */
export const insertion = (
  path: string,
  fieldType: string,
  values: Record<string, unknown>,
  text: string
): { name: string; value: unknown } => {
  const [location] = path.split('#');
  const [field, ...rest] = location.split('/');
  if (fieldType === 'blocks') return { name: field, value: insertIntoBlocks(values[field], rest.map(Number), text) };
  const name = [field, ...rest].join('.');
  const current = rest.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), values[field]);
  return { name, value: appendText(typeof current === 'string' ? current : '', text) };
};
