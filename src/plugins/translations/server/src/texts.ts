import type { Core } from '@strapi/strapi';
import { schemaOf } from './locales';

/**
 * The plain text of a document's localized fields, as a translator reads it: one segment per
 * string or text field, per paragraph, heading, quote or list item of rich text, inside
 * components and dynamic zones too. Used for the word diff of the side panel and for the
 * translation memory, which pairs the segments of two locales by their path.
 */

type Attribute = { type: string; component?: string; repeatable?: boolean };
type Node = { type?: string; text?: string; children?: Node[] };

export type Segment = { path: string; text: string };

/** String fields of components that are not prose (addresses, codes). */
const NOT_PROSE = new Set(['href', 'url', 'email', 'phone', 'language', 'currency', 'isoCode', 'slug']);
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'quote', 'list-item']);

const inlineText = (nodes: Node[] | undefined): string =>
  (nodes ?? []).map((node) => (node.type === 'text' ? String(node.text ?? '') : inlineText(node.children))).join('');

const blockSegments = (blocks: unknown, path: string, out: Segment[]): void => {
  if (!Array.isArray(blocks)) return;
  blocks.forEach((block: Node, index) => {
    const at = `${path}/${index}`;
    if (block?.type && TEXT_BLOCKS.has(block.type)) {
      const text = inlineText(block.children).trim();
      if (text !== '') out.push({ path: at, text });
    } else if (block?.type === 'list') {
      blockSegments(block.children, at, out);
    }
  });
};

const walk = (strapi: Core.Strapi, attribute: Attribute, name: string, value: unknown, path: string, out: Segment[]): void => {
  if (value === null || value === undefined) return;
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
      if (typeof value === 'string' && value.trim() !== '' && !NOT_PROSE.has(name)) out.push({ path, text: value.trim() });
      return;
    case 'blocks':
      blockSegments(value, path, out);
      return;
    case 'component':
      if (attribute.repeatable && Array.isArray(value)) value.forEach((item, index) => walkComponent(strapi, attribute.component!, item, `${path}/${index}`, out));
      else walkComponent(strapi, attribute.component!, value, path, out);
      return;
    case 'dynamiczone':
      if (Array.isArray(value)) value.forEach((item, index) => walkComponent(strapi, String((item as { __component?: string }).__component), item, `${path}/${index}`, out));
      return;
    default:
  }
};

const walkComponent = (strapi: Core.Strapi, component: string, item: unknown, path: string, out: Segment[]): void => {
  if (!item || typeof item !== 'object' || !strapi.components[component as never]) return;
  for (const [name, attribute] of Object.entries(schemaOf(strapi, component).attributes) as Array<[string, Attribute]>) {
    walk(strapi, attribute, name, (item as Record<string, unknown>)[name], `${path}/${name}`, out);
  }
};

/** The text segments of one field of a version (loaded with componentPopulate). */
export const fieldSegments = (strapi: Core.Strapi, uid: string, field: string, value: unknown): Segment[] => {
  const out: Segment[] = [];
  walk(strapi, schemaOf(strapi, uid).attributes[field] as Attribute, field, value, field, out);
  return out;
};

/** A field as one text: its segments, one per line. */
export const fieldText = (strapi: Core.Strapi, uid: string, field: string, value: unknown): string =>
  fieldSegments(strapi, uid, field, value)
    .map((segment) => segment.text)
    .join('\n');
