export type State = 'missing' | 'draft-only' | 'outdated' | 'up-to-date';
export const STATES: State[] = ['missing', 'outdated', 'draft-only', 'up-to-date'];

export type StatusRow = {
  contentType: string;
  documentId: string;
  title: string | null;
  locale: string;
  status: State;
  outdatedFields: string[];
  /** Links of the other locales whose target has no version in this locale yet. */
  pendingLinks: Array<{ field: string; documentId: string; title: string | null }>;
};
export type Summary = Record<string, Record<State | 'total', number>>;
export type StatusResponse = {
  data: StatusRow[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number }; summary: Summary };
};

/** "api::photo-gallery.photo-gallery" → "photo-gallery". */
export const typeName = (uid: string): string => uid.split('.').pop() ?? uid;

export const SINGLE_TYPES = new Set(['api::global.global']);

/** The content manager's edit view of a document, in the translation's locale. */
export const editLink = (row: Pick<StatusRow, 'contentType' | 'documentId' | 'locale'>): string =>
  SINGLE_TYPES.has(row.contentType)
    ? `/admin/content-manager/single-types/${row.contentType}?plugins[i18n][locale]=${row.locale}`
    : `/admin/content-manager/collection-types/${row.contentType}/${row.documentId}?plugins[i18n][locale]=${row.locale}`;

export const percentUpToDate = (counts: Record<State | 'total', number>): number =>
  counts.total === 0 ? 100 : Math.round((100 * counts['up-to-date']) / counts.total);


/** GET /translations/settings: the XLIFF upload limit, in bytes and as the server words it ("16 MB"). */
export type Settings = { xliffMaxFileSize: number; xliffMaxFileSizeLabel: string };
