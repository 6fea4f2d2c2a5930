import type { Core } from '@strapi/strapi';
import { schemaOf } from '../locales';
import { fieldHashes, localizedFields } from '../source';
import { escapeAttribute, escapeText, textOf, type XmlElement } from './xml';

/**
 * The translatable texts of a document, as XLIFF units, and back.
 *
 * One unit per text: a string or text field, a paragraph, heading or quote of rich text
 * (blocks), a list item; inside components and dynamic zones too. Inline formatting becomes
 * XLIFF 1.2 `<g>` elements (bold, italic, underlined, link; x-strikethrough, x-code), so that
 * translation tools show it as tags, never as JSON. The link target stays in the CMS: the
 * import takes it from the English version by the tag's id.
 */

type Attribute = { type: string; component?: string; components?: string[]; repeatable?: boolean };
type Path = Array<string | number>;
type TextNode = { type: 'text'; text: string } & Partial<Record<Mark, boolean>>;
type LinkNode = { type: 'link'; url: string; children: TextNode[] };
type InlineNode = TextNode | LinkNode;
type Block = { type: string; children?: Array<Record<string, unknown>> } & Record<string, unknown>;

type Mark = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code';
const MARKS: Array<[Mark, string]> = [
  ['code', 'x-code'],
  ['strikethrough', 'x-strikethrough'],
  ['underline', 'underlined'],
  ['italic', 'italic'],
  ['bold', 'bold'],
];

/** String fields of components that are not prose: addresses, codes, names of files. */
const NOT_TRANSLATED = new Set(['href', 'url', 'email', 'phone', 'language', 'currency', 'isoCode', 'slug']);

export type Unit = {
  id: string;
  field: string;
  /** Where the text lives in the document: a string, or a blocks array plus the block within it. */
  valuePath: Path;
  blockPath?: number[];
  /** The source text as XLIFF inline content (escaped, with <g> tags). */
  source: string;
  /** The inline tags of the source, by id: what each stands for. */
  tags: Record<string, { ctype: string; url?: string }>;
  /** Hash of the source field this unit belongs to (its "source revision"). */
  sourceHash: string;
};

const renderInline = (nodes: Array<Record<string, unknown>>, tags: Unit['tags'], counter: { n: number }): string =>
  nodes
    .map((node) => {
      if (node.type === 'text') {
        const text = String(node.text ?? '');
        if (text === '') return '';
        let out = escapeText(text);
        for (const [mark, ctype] of MARKS) {
          if (node[mark]) {
            const id = String(++counter.n);
            tags[id] = { ctype };
            out = `<g id="${id}" ctype="${ctype}">${out}</g>`;
          }
        }
        return out;
      }
      if (node.type === 'link') {
        const id = String(++counter.n);
        tags[id] = { ctype: 'link', url: String(node.url ?? '') };
        return `<g id="${id}" ctype="link">${renderInline((node.children as Array<Record<string, unknown>>) ?? [], tags, counter)}</g>`;
      }
      return '';
    })
    .join('');

const plainText = (nodes: Array<Record<string, unknown>>): string =>
  nodes.map((node) => (node.type === 'text' ? String(node.text ?? '') : plainText((node.children as Array<Record<string, unknown>>) ?? []))).join('');

/** The units of a document's source version (loaded with its components and dynamic zones). */
export const extractUnits = (strapi: Core.Strapi, uid: string, entry: Record<string, unknown>): Unit[] => {
  const hashes = fieldHashes(strapi, uid, entry);
  const units: Unit[] = [];

  const add = (field: string, valuePath: Path, source: string, tags: Unit['tags'], blockPath?: number[]) => {
    units.push({ id: [...valuePath, ...(blockPath ?? [])].join('/'), field, valuePath, blockPath, source, tags, sourceHash: hashes[field] });
  };

  const blockUnits = (field: string, valuePath: Path, block: Block, blockPath: number[]) => {
    const children = block.children ?? [];
    if (['paragraph', 'heading', 'quote', 'list-item'].includes(block.type)) {
      if (plainText(children).trim() === '') return;
      const tags: Unit['tags'] = {};
      add(field, valuePath, renderInline(children, tags, { n: 0 }), tags, blockPath);
    } else if (block.type === 'list') {
      children.forEach((child, index) => blockUnits(field, valuePath, child as Block, [...blockPath, index]));
    }
  };

  const walk = (field: string, attribute: Attribute, name: string, value: unknown, path: Path) => {
    if (value === null || value === undefined) return;
    switch (attribute.type) {
      case 'string':
      case 'text':
      case 'richtext':
        if (typeof value === 'string' && value.trim() !== '' && !NOT_TRANSLATED.has(name)) add(field, path, escapeText(value), {});
        break;
      case 'blocks':
        if (Array.isArray(value)) value.forEach((block, index) => blockUnits(field, path, block as Block, [index]));
        break;
      case 'component':
        if (attribute.repeatable && Array.isArray(value)) value.forEach((item, index) => walkComponent(field, attribute.component!, item, [...path, index]));
        else walkComponent(field, attribute.component!, value, path);
        break;
      case 'dynamiczone':
        if (Array.isArray(value)) {
          value.forEach((item, index) => walkComponent(field, String((item as { __component: string }).__component), item, [...path, index]));
        }
        break;
      default:
    }
  };
  const walkComponent = (field: string, component: string, item: unknown, path: Path) => {
    if (!item || typeof item !== 'object') return;
    for (const [name, attribute] of Object.entries(schemaOf(strapi, component).attributes) as Array<[string, Attribute]>) {
      walk(field, attribute, name, (item as Record<string, unknown>)[name], [...path, name]);
    }
  };

  for (const field of localizedFields(strapi, uid)) {
    walk(field, schemaOf(strapi, uid).attributes[field] as Attribute, field, entry[field], [field]);
  }
  return units;
};

/** The same tags (ids and kinds) in two renderings of a text: a translation that fits its source. */
export const sameTags = (a: Unit, b: Unit): boolean =>
  Object.keys(a.tags).length === Object.keys(b.tags).length && Object.entries(a.tags).every(([id, tag]) => b.tags[id]?.ctype === tag.ctype);

/**
 * Where the translation of one text stands, and how XLIFF 1.2 says it. The one mapping, used by the
 * export (unitXml) and read back by the import (readUnitState); documented in the README:
 *
 *   missing    no translation of this text              <target state="needs-translation"/> (empty)
 *   outdated   the English changed since it was saved    <target state="needs-review-translation">
 *   draft      translated, not published as it is        <target state="translated">
 *   published  published as it is, English unchanged     approved="yes", <target state="final">
 *
 * Tools built on XLIFF 1.2's approval model (translate-toolkit, Pootle, Weblate) count only
 * approved units as translated; the others with a target as fuzzy (to review).
 */
export type UnitStatus = 'missing' | 'outdated' | 'draft' | 'published';
export type TargetState = 'needs-translation' | 'needs-review-translation' | 'translated' | 'final';
export const XLIFF_STATE: Record<UnitStatus, { state: TargetState; approved: boolean }> = {
  missing: { state: 'needs-translation', approved: false },
  outdated: { state: 'needs-review-translation', approved: false },
  draft: { state: 'translated', approved: false },
  published: { state: 'final', approved: true },
};

/**
 * The status of one text of a document in the target locale, from the units of the translation's
 * draft and published versions (absent when there is none) and the fields changed in the source
 * since the translation was saved.
 */
export const unitStatus = (unit: Unit, draft: Unit | undefined, published: Unit | undefined, outdatedFields: string[]): UnitStatus => {
  if (!draft || !sameTags(unit, draft)) return 'missing';
  if (outdatedFields.includes(unit.field)) return 'outdated';
  const asPublished = published !== undefined && published.source === draft.source && JSON.stringify(published.tags) === JSON.stringify(draft.tags);
  return asPublished ? 'published' : 'draft';
};

/**
 * A unit's id is unique in the whole file, `<documentId>/<path>` (tools that flatten the <file>
 * elements, e.g. xliff2po, lose track of repeated ids); its resname is the path alone (`title`,
 * `background/2/1`), the name of the text in the document.
 */
export const unitId = (documentId: string, unit: Unit): string => `${documentId}/${unit.id}`;

/** The path a unit id names: `<documentId>/<path>`, or the bare path of files exported before ids had the prefix. */
export const unitPath = (documentId: string, id: string): string => (id.startsWith(`${documentId}/`) ? id.slice(documentId.length + 1) : id);

export const unitXml = (documentId: string, unit: Unit, indent: string, target?: { content: string; status: UnitStatus }): string => {
  const { state, approved } = XLIFF_STATE[target?.status ?? 'missing'];
  return [
    `${indent}<trans-unit id="${escapeAttribute(unitId(documentId, unit))}" resname="${escapeAttribute(unit.id)}"${approved ? ' approved="yes"' : ''} xml:space="preserve">`,
    `${indent}  <source>${unit.source}</source>`,
    `${indent}  <target state="${state}">${target?.content ?? ''}</target>`,
    `${indent}  <context-group purpose="information"><context context-type="x-source-hash">${unit.sourceHash}</context></context-group>`,
    `${indent}</trans-unit>`,
  ].join('\n');
};

/**
 * What an imported unit says, read back with the same mapping:
 *  - skip: nothing to take (an empty target, or still `needs-translation`/`new`);
 *  - review: a translation not yet checked against the current source (`needs-review-*`,
 *    `needs-adaptation`, `needs-l10n`): saved, but the entry stays outdated;
 *  - done: translated (`translated`, `signed-off`, `final`, approved or not, or no state).
 */
export type ImportedUnit = 'skip' | 'review' | 'done';
export const readUnitState = (target: XmlElement | undefined): ImportedUnit => {
  const state = target?.attributes.state;
  if (!target || textOf(target).trim() === '' || state === 'needs-translation' || state === 'new') return 'skip';
  if (state?.startsWith('needs-')) return 'review';
  return 'done';
};

/**
 * A unit's target, read back into rich-text inline nodes (or plain text), checking its tags:
 * every tag of the source exactly once, no unknown or placeholder tags, no link in a link.
 */
export const readTarget = (unit: Unit, target: XmlElement): { nodes: InlineNode[]; text: string; problems: string[] } => {
  const problems: string[] = [];
  const seen = new Set<string>();
  const top: InlineNode[] = [];
  const plain = unit.blockPath === undefined;

  const walk = (children: XmlElement['children'], marks: Partial<Record<Mark, boolean>>, link: LinkNode | null) => {
    for (const child of children) {
      if (typeof child === 'string') {
        if (child === '') continue;
        const node: TextNode = { type: 'text', text: child, ...marks };
        (link ? link.children : top).push(node);
        continue;
      }
      if (child.name === 'mrk') {
        walk(child.children, marks, link); // segment markers of translation tools: transparent
        continue;
      }
      if (child.name !== 'g') {
        problems.push(`inline element <${child.name.replace(/^\{.*\}/, '')}> is not supported (only the <g> tags of the source)`);
        continue;
      }
      const id = child.attributes.id ?? '';
      const tag = unit.tags[id];
      if (plain || !tag) {
        problems.push(`tag <g id="${id}"> is not in the source`);
        continue;
      }
      if (seen.has(id)) problems.push(`tag <g id="${id}"> appears twice`);
      seen.add(id);
      if (tag.ctype === 'link') {
        if (link) {
          problems.push(`link <g id="${id}"> is inside another link`);
          continue;
        }
        const node: LinkNode = { type: 'link', url: tag.url ?? '', children: [] };
        top.push(node);
        walk(child.children, marks, node);
        if (node.children.length === 0) node.children.push({ type: 'text', text: '' });
      } else {
        const mark = MARKS.find(([, ctype]) => ctype === tag.ctype)?.[0];
        walk(child.children, mark ? { ...marks, [mark]: true } : marks, link);
      }
    }
  };
  walk(target.children, {}, null);
  const missing = Object.keys(unit.tags).filter((id) => !seen.has(id));
  if (missing.length > 0) {
    problems.push(
      `tag${missing.length > 1 ? 's' : ''} ${missing.map((id) => `<g id="${id}"> (${unit.tags[id].ctype})`).join(', ')} missing from the translation`
    );
  }
  const text = top.map((node) => (node.type === 'text' ? node.text : node.children.map((c) => c.text).join(''))).join('');
  return { nodes: top.length > 0 ? top : [{ type: 'text', text: '' }], text, problems };
};

const getPath = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key as string] : undefined), root);

/** Puts a unit's translation into (a copy of) the document's localized data. */
export const applyUnit = (data: Record<string, unknown>, unit: Unit, translation: { nodes: InlineNode[]; text: string }): void => {
  if (unit.blockPath === undefined) {
    const parent = getPath(data, unit.valuePath.slice(0, -1)) as Record<string, unknown>;
    parent[unit.valuePath[unit.valuePath.length - 1] as string] = translation.text;
    return;
  }
  let block = (getPath(data, unit.valuePath) as Block[])[unit.blockPath[0]];
  for (const index of unit.blockPath.slice(1)) block = (block.children as Block[])[index];
  block.children = translation.nodes;
};
