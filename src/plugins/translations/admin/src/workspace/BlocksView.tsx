import * as React from 'react';
import { Typography } from '@strapi/design-system';
import type { Block, Inline } from './types';

/** Rich text (Strapi blocks) rendered read-only, as readers see it: headings, lists, quotes, links, marks. */
const InlineView = ({ node }: { node: Inline }): React.ReactElement => {
  if (node.type === 'link') {
    return (
      <a href={node.url} target="_blank" rel="noreferrer noopener">
        {node.children.map((child, index) => (
          <InlineView key={index} node={child} />
        ))}
      </a>
    );
  }
  let content: React.ReactNode = node.text;
  if (node.code) content = <code>{content}</code>;
  if (node.strikethrough) content = <s>{content}</s>;
  if (node.underline) content = <u>{content}</u>;
  if (node.italic) content = <em>{content}</em>;
  if (node.bold) content = <strong>{content}</strong>;
  return <>{content}</>;
};

const children = (block: Block) =>
  (block.children ?? []).map((child, index) =>
    'type' in child && (child.type === 'text' || child.type === 'link') ? <InlineView key={index} node={child as Inline} /> : <BlockView key={index} block={child as Block} />
  );

const BlockView = ({ block }: { block: Block }): React.ReactElement | null => {
  switch (block.type) {
    case 'heading': {
      const Tag = `h${Math.min(6, Math.max(1, block.level ?? 2))}` as 'h2';
      return <Tag style={{ fontWeight: 600, margin: '0.5em 0 0.25em' }}>{children(block)}</Tag>;
    }
    case 'list':
      return block.format === 'ordered' ? <ol style={{ paddingLeft: '1.5em', listStyle: 'decimal' }}>{children(block)}</ol> : <ul style={{ paddingLeft: '1.5em', listStyle: 'disc' }}>{children(block)}</ul>;
    case 'list-item':
      return <li>{children(block)}</li>;
    case 'quote':
      return <blockquote style={{ borderLeft: '3px solid #ccc', paddingLeft: '0.75em', margin: '0.5em 0' }}>{children(block)}</blockquote>;
    case 'code':
      return <pre style={{ whiteSpace: 'pre-wrap' }}>{children(block)}</pre>;
    case 'image':
      return block.image?.url ? <img src={block.image.url} alt={block.image.alternativeText ?? ''} style={{ maxWidth: '100%' }} /> : null;
    default:
      return <p style={{ margin: '0 0 0.5em' }}>{children(block)}</p>;
  }
};

export const BlocksView = ({ blocks }: { blocks: Block[] }) => (
  <Typography tag="div" variant="omega" data-testid="source-blocks">
    {blocks.map((block, index) => (
      <BlockView key={index} block={block} />
    ))}
  </Typography>
);
