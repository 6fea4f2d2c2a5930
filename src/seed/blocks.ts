/**
 * Seed files write rich text in a short, readable form; this turns it into Strapi's blocks JSON.
 *   "A paragraph."                                  → paragraph
 *   { "heading": "Results", "level": 3 }           → heading
 *   { "list": ["a", "b"], "format": "ordered" }    → list (unordered by default)
 *   { "paragraph": ["See ", { "link": "https://…", "text": "the report" }, "."] } → paragraph with a link
 */
type Inline = string | { link: string; text: string };
export type BlockShorthand =
  | string
  | { heading: string; level?: number }
  | { list: string[]; format?: 'ordered' | 'unordered' }
  | { paragraph: Inline[] };

type TextNode = { type: 'text'; text: string };
type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type Block =
  | { type: 'paragraph'; children: Array<TextNode | LinkNode> }
  | { type: 'heading'; level: number; children: TextNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: Array<{ type: 'list-item'; children: TextNode[] }> };

const text = (value: string): TextNode => ({ type: 'text', text: value });

const inline = (node: Inline): TextNode | LinkNode =>
  typeof node === 'string' ? text(node) : { type: 'link', url: node.link, children: [text(node.text)] };

const toBlock = (item: BlockShorthand): Block => {
  if (typeof item === 'string') return { type: 'paragraph', children: [text(item)] };
  if ('heading' in item) return { type: 'heading', level: item.level ?? 2, children: [text(item.heading)] };
  if ('list' in item) {
    return {
      type: 'list',
      format: item.format ?? 'unordered',
      children: item.list.map((entry) => ({ type: 'list-item', children: [text(entry)] })),
    };
  }
  if ('paragraph' in item) return { type: 'paragraph', children: item.paragraph.map(inline) };
  throw new Error(`Unknown rich-text shorthand: ${JSON.stringify(item)}`);
};

export const toBlocks = (value: unknown): Block[] => {
  if (!Array.isArray(value)) throw new Error(`Rich text must be an array, got ${JSON.stringify(value)}`);
  return (value as BlockShorthand[]).map(toBlock);
};
