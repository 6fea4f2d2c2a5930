import type { UID } from '@strapi/strapi';

/**
 * What the site search covers, per route name (the `type` of a result): the field that is the
 * title, the fields that summarise, and the fields of the body (blocks, or components whose text
 * fields are indexed: photo captions, key-figure labels, page sections). Ranking is title above
 * summary above body.
 */
export interface IndexedType {
  uid: UID.ContentType;
  title: string;
  summary: string[];
  body: string[];
}

export const INDEXED_TYPES: Record<string, IndexedType> = {
  projects: { uid: 'api::project.project', title: 'title', summary: ['summary'], body: ['location', 'background', 'objectives', 'results', 'keyFigures'] },
  publications: { uid: 'api::publication.publication', title: 'title', summary: ['summary'], body: ['files'] },
  speeches: { uid: 'api::speech.speech', title: 'title', summary: ['speaker', 'speakerTitle', 'eventName', 'eventPlace'], body: ['body'] },
  vacancies: { uid: 'api::vacancy.vacancy', title: 'title', summary: ['dutyStation'], body: ['description', 'howToApply'] },
  'photo-galleries': { uid: 'api::photo-gallery.photo-gallery', title: 'title', summary: ['description'], body: ['photos'] },
  voices: { uid: 'api::voice.voice', title: 'title', summary: ['dateline'], body: ['body'] },
  countries: { uid: 'api::country.country', title: 'name', summary: [], body: ['overview'] },
  programmes: { uid: 'api::programme.programme', title: 'title', summary: ['summary'], body: ['body'] },
  pages: { uid: 'api::page.page', title: 'title', summary: [], body: ['body', 'sections'] },
};

export const SEARCH_TYPES = Object.keys(INDEXED_TYPES);

export const typeOfUid = (uid: string): string | undefined => SEARCH_TYPES.find((type) => INDEXED_TYPES[type].uid === uid);

/** Text-bearing keys of components (media.photo, shared.key-figure, shared.file-download, shared.quote…). */
const COMPONENT_TEXT_KEYS = new Set(['caption', 'location', 'altText', 'label', 'text', 'person', 'role', 'body']);

/**
 * The plain text of a field value: a string as is; Blocks by their text nodes, one paragraph
 * (block) per line; components by their text fields.
 */
export const plainText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(plainText).filter(Boolean).join('\n');
  if (value === null || typeof value !== 'object') return '';
  const node = value as Record<string, unknown>;
  if (typeof node.type === 'string' && Array.isArray(node.children)) {
    return node.children.map((child) => (typeof (child as { text?: unknown }).text === 'string' ? (child as { text: string }).text : plainText(child))).join('');
  }
  return Object.entries(node)
    .filter(([key]) => COMPONENT_TEXT_KEYS.has(key))
    .map(([, field]) => plainText(field))
    .filter(Boolean)
    .join('\n');
};
