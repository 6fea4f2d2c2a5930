export type DiffPart = { op: 'equal' | 'insert' | 'delete'; text: string };
export type PanelField = {
  name: string;
  type: string;
  outdated: boolean;
  text?: string;
  blocks?: Block[];
  segments?: Array<{ path: string; text: string }>;
  diff?: DiffPart[] | null;
};
export type PanelData = {
  contentType: string;
  documentId: string;
  locale: string;
  sourceLocale: string;
  status: 'missing' | 'draft-only' | 'outdated' | 'up-to-date';
  outdatedFields: string[];
  fields: PanelField[];
  /** Links of the other locales whose target has no version in this locale yet (made when it has one). */
  pendingLinks: Array<{ field: string; documentId: string; title: string | null }>;
};
export type Match = { sourceText: string; targetText: string; score: number; published: boolean; contentType: string; documentId: string };
export type Suggestion = { field: string; path: string; sourceText: string; matches: Match[] };

export type Inline = { type: 'text'; text: string; bold?: boolean; italic?: boolean; underline?: boolean; strikethrough?: boolean; code?: boolean } | { type: 'link'; url: string; children: Inline[] };
export type Block = { type: string; level?: number; format?: 'ordered' | 'unordered'; children?: Array<Block | Inline>; image?: { url?: string; alternativeText?: string } };
