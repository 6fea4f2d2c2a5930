import type { ReactNode } from 'react';
import { mediaUrl } from '@/lib/cms';

/** Strapi 5's Blocks (rich text) JSON: https://docs.strapi.io/cms/features/content-type-builder (Rich text (Blocks)). */
export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}
export interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}
type Inline = TextNode | LinkNode;
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'quote'; children: Inline[] }
  | { type: 'code'; children: TextNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: ListChild[] }
  | { type: 'image'; image: { url: string; alternativeText?: string | null; width?: number; height?: number } };
type ListChild = { type: 'list-item'; children: Inline[] } | { type: 'list'; format: 'ordered' | 'unordered'; children: ListChild[] };

const text = (node: TextNode, key: number): ReactNode => {
  let out: ReactNode = node.text;
  if (node.code) out = <code>{out}</code>;
  if (node.bold) out = <strong>{out}</strong>;
  if (node.italic) out = <em>{out}</em>;
  if (node.underline) out = <u>{out}</u>;
  if (node.strikethrough) out = <s>{out}</s>;
  return <span key={key}>{out}</span>;
};

const inline = (nodes: Inline[]): ReactNode[] =>
  nodes.map((node, index) =>
    node.type === 'link' ? (
      <a key={index} href={node.url} {...(/^https?:/.test(node.url) ? { rel: 'noopener' } : {})}>
        {node.children.map(text)}
      </a>
    ) : (
      text(node, index)
    )
  );

const list = (block: { format: 'ordered' | 'unordered'; children: ListChild[] }, key: number): ReactNode => {
  const items = block.children.map((child, index) => (child.type === 'list' ? <li key={index}>{list(child, index)}</li> : <li key={index}>{inline(child.children)}</li>));
  return block.format === 'ordered' ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
};

/**
 * Rich text as HTML. Headings inside the content start one level below the section heading that
 * holds them (`headingOffset`), so the page keeps one h1 and an unbroken outline.
 */
export function Blocks({ blocks, headingOffset = 2 }: { blocks: Block[] | null | undefined; headingOffset?: number }) {
  if (!blocks?.length) return null;
  return (
    <>
      {blocks.map((block, index) => {
        switch (block.type) {
          case 'paragraph':
            return <p key={index}>{inline(block.children)}</p>;
          case 'heading': {
            const level = Math.min(6, block.level + headingOffset - 1);
            const Tag = `h${level}` as 'h2';
            return <Tag key={index}>{inline(block.children)}</Tag>;
          }
          case 'quote':
            return <blockquote key={index}>{inline(block.children)}</blockquote>;
          case 'code':
            return (
              <pre key={index}>
                <code>{block.children.map((child) => child.text).join('')}</code>
              </pre>
            );
          case 'list':
            return list(block, index);
          case 'image':
            return (
              // eslint-disable-next-line @next/next/no-img-element
              <img key={index} src={mediaUrl(block.image.url)} alt={block.image.alternativeText ?? ''} width={block.image.width} height={block.image.height} loading="lazy" />
            );
          default:
            return null;
        }
      })}
    </>
  );
}

/** The plain text of blocks (meta descriptions). */
export const blocksText = (blocks: Block[] | null | undefined): string =>
  (blocks ?? [])
    .map((block) => ('children' in block ? (block.children as Array<{ text?: string; children?: Array<{ text?: string }> }>).map((child) => child.text ?? child.children?.map((c) => c.text ?? '').join('') ?? '').join('') : ''))
    .join(' ')
    .trim();
