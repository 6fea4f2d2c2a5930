import type { Core, UID } from '@strapi/strapi';
import { responseCache } from './response-cache';
import { FILE_UID, tags } from './dependencies';

/**
 * Drops exactly the cached answers a committed write can change, whoever writes (admin panel,
 * REST, seed, XLIFF import, a script on the query engine): it watches the rows themselves.
 *
 * What a draft save writes, from Strapi's Document Service (node_modules/@strapi/core
 * dist/services/document-service/repository.js `update`/`create`/`discardDraft`, and the i18n
 * document middleware in @strapi/i18n dist/server/bootstrap.js with `syncNonLocalizedAttributes`
 * in services/localizations.js): the draft row of its locale (created from the other locales'
 * non-localized fields if missing), its components and links, and, when non-localized fields
 * changed, the other locales' rows *of the same status*, i.e. their drafts (`publishedAt: null`).
 * A publish deletes the published rows and creates new ones, and syncs non-localized fields into
 * the other locales' published rows; an unpublish or a delete deletes rows. So a write that
 * touches no published row (`publishedAt` not null), before or after, cannot change what an
 * anonymous reader sees, which only ever reads published rows; any write touching a published row
 * of any locale is a public change of its document.
 *
 * One exception: a lookup by slug also consults the slugs of drafts (previous-slugs.ts answers an
 * unknown slug from the history only when no row has it, and records history on draft saves), so
 * a draft row whose slug appears, disappears or changes drops the lookups of those slugs.
 *
 * Not watched at all, because no anonymous answer shows them: translation status rows, admin
 * users and roles, API tokens, the search index, users-permissions users.
 */

type Row = { id?: unknown; documentId?: unknown; publishedAt?: unknown; slug?: unknown; key?: unknown };
type Event = {
  action: string;
  model: { uid: string };
  params: { where?: unknown; data?: unknown };
  state: Record<string, unknown>;
  result?: unknown;
};

/** Public permissions and roles, locales: every answer may change. */
const EVERYTHING = ['plugin::users-permissions.permission', 'plugin::users-permissions.role', 'plugin::i18n.locale'];
/** Settings in the core store that change answers: the default locale (answers without `locale`). */
const isPublicSetting = (key: unknown) => typeof key === 'string' && key.startsWith('plugin_i18n_');

type Change = { all: boolean; tags: Set<string> };

export const invalidateCacheOnWrites = (strapi: Core.Strapi): void => {
  const store = responseCache(strapi);
  const contentTypes = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
  const model = (uid: string) => strapi.getModel(uid as UID.Schema) as unknown as { options?: { draftAndPublish?: boolean }; attributes: Record<string, unknown> };
  const hasDraftAndPublish = (uid: string) => model(uid).options?.draftAndPublish === true;

  const apply = (change: Change) => {
    const failed = (error: unknown) => strapi.log.error(`Response cache: could not invalidate: ${String(error)}`);
    if (change.all) return store.newGeneration().catch(failed);
    if (change.tags.size > 0) return store.invalidate([...change.tags]).catch(failed);
  };

  // Inside a transaction the answers are dropped after the commit, once for the whole
  // transaction: an answer computed before the commit would otherwise be stored after the drop and
  // outlive the write (and store.save refuses answers whose ticket predates a drop of their tags).
  const batches = new WeakMap<object, Change>();
  const schedule = (change: Change) => {
    if (!change.all && change.tags.size === 0) return;
    if (!strapi.db.inTransaction()) {
      void apply(change);
      return;
    }
    void strapi.db.transaction(async ({ trx, onCommit }) => {
      let batch = batches.get(trx);
      if (!batch) {
        const created: Change = { all: false, tags: new Set() };
        batches.set(trx, created);
        onCommit(() => void apply(created));
        batch = created;
      }
      batch.all ||= change.all;
      for (const tag of change.tags) batch.tags.add(tag);
    });
  };

  /** The rows a write is about to change or delete, read in its transaction. */
  const rowsBefore = async (event: Event, select: string[]) => {
    if (event.params.where === undefined) return;
    event.state.rows = (await strapi.db.query(event.model.uid as UID.Schema).findMany({ where: event.params.where, select })) as Row[];
  };
  const dataRows = (data: unknown): Row[] => (Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : []) as Row[];

  /** Tags a write of content rows changes: `before` and `after` are the rows as they were and are. */
  const contentChange = (uid: string, before: Row[], after: Row[], bulk: boolean): Change => {
    const change: Change = { all: false, tags: new Set() };
    const slugs = (rows: Row[]) => new Set(rows.map((row) => row.slug).filter((slug): slug is string => typeof slug === 'string'));
    const isPublic = !hasDraftAndPublish(uid) || [...before, ...after].some((row) => row.publishedAt !== null);
    if (isPublic) {
      change.tags.add(tags.list(uid));
      for (const row of [...before, ...after]) {
        change.tags.add(typeof row.documentId === 'string' ? tags.document(uid, row.documentId) : tags.type(uid));
      }
      for (const slug of [...slugs(before), ...slugs(after)]) change.tags.add(tags.slug(uid, slug));
      if (bulk) change.tags.add(tags.type(uid));
    } else {
      const [old, now] = [slugs(before), slugs(after)];
      for (const slug of old) if (!now.has(slug)) change.tags.add(tags.slug(uid, slug));
      for (const slug of now) if (!old.has(slug)) change.tags.add(tags.slug(uid, slug));
    }
    return change;
  };

  // Content: published rows are public, draft rows are not (see above).
  const contentRowsBefore = (event: Event) =>
    rowsBefore(event, ['id', 'documentId', ...(hasDraftAndPublish(event.model.uid) ? ['publishedAt'] : []), ...('slug' in model(event.model.uid).attributes ? ['slug'] : [])]);
  strapi.db.lifecycles.subscribe({
    models: contentTypes,
    beforeUpdate: contentRowsBefore,
    beforeUpdateMany: contentRowsBefore,
    beforeDelete: contentRowsBefore,
    beforeDeleteMany: contentRowsBefore,
    afterCreate: (event: Event) => {
      const data = (event.params.data ?? {}) as Row;
      const result = (event.result ?? {}) as Row;
      // The result holds what the caller selected; the data says the rest.
      const row: Row = {
        documentId: result.documentId ?? data.documentId,
        publishedAt: result.publishedAt !== undefined ? result.publishedAt : data.publishedAt,
        slug: result.slug ?? data.slug,
      };
      schedule(contentChange(event.model.uid, [], [row], false));
    },
    afterCreateMany: (event: Event) => schedule(contentChange(event.model.uid, [], dataRows(event.params.data), true)),
    afterUpdate: (event: Event) => {
      const before = (event.state.rows as Row[] | undefined) ?? [];
      const data = (event.params.data ?? {}) as Row;
      const result = (event.result ?? {}) as Row;
      const after = before.map((row) => ({
        ...row,
        publishedAt: result.publishedAt !== undefined ? result.publishedAt : data.publishedAt !== undefined ? data.publishedAt : row.publishedAt,
        slug: data.slug !== undefined ? data.slug : row.slug,
      }));
      schedule(contentChange(event.model.uid, before, after, false));
    },
    afterUpdateMany: (event: Event) => {
      const before = (event.state.rows as Row[] | undefined) ?? [];
      const data = (event.params.data ?? {}) as Row;
      const after = before.map((row) => ({
        ...row,
        publishedAt: data.publishedAt !== undefined ? data.publishedAt : row.publishedAt,
        slug: data.slug !== undefined ? data.slug : row.slug,
      }));
      schedule(contentChange(event.model.uid, before, after, false));
    },
    afterDelete: (event: Event) => schedule(contentChange(event.model.uid, (event.state.rows as Row[] | undefined) ?? [], [], false)),
    afterDeleteMany: (event: Event) => schedule(contentChange(event.model.uid, (event.state.rows as Row[] | undefined) ?? [], [], false)),
  });

  // Media: a file's answers (URL, sizes, alternative text…). A new file is in no answer until
  // content links it, which is a write of that content, unless it is created already linked.
  const fileChange = (event: Event): Change => {
    const linked = dataRows(event.params.data).some((data) => (data as { related?: unknown }).related !== undefined);
    const change: Change = { all: linked, tags: new Set() };
    for (const row of (event.state.rows as Row[] | undefined) ?? []) {
      change.tags.add(typeof row.documentId === 'string' ? tags.document(FILE_UID, row.documentId) : tags.type(FILE_UID));
    }
    if (change.tags.size > 0) change.tags.add(tags.list(FILE_UID)); // answers filtered or sorted on media
    return change;
  };
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    beforeUpdate: (event: Event) => rowsBefore(event, ['id', 'documentId']),
    beforeUpdateMany: (event: Event) => rowsBefore(event, ['id', 'documentId']),
    beforeDelete: (event: Event) => rowsBefore(event, ['id', 'documentId']),
    beforeDeleteMany: (event: Event) => rowsBefore(event, ['id', 'documentId']),
    afterCreate: (event: Event) => schedule(fileChange(event)),
    afterCreateMany: (event: Event) => schedule(fileChange(event)),
    afterUpdate: (event: Event) => schedule(fileChange(event)),
    afterUpdateMany: (event: Event) => schedule(fileChange(event)),
    afterDelete: (event: Event) => schedule(fileChange(event)),
    afterDeleteMany: (event: Event) => schedule(fileChange(event)),
  });

  // Public permissions and locales: everything.
  const everything = () => schedule({ all: true, tags: new Set() });
  strapi.db.lifecycles.subscribe({
    models: EVERYTHING,
    afterCreate: everything,
    afterCreateMany: everything,
    afterUpdate: everything,
    afterUpdateMany: everything,
    afterDelete: everything,
    afterDeleteMany: everything,
  });

  // The default locale lives in the core store.
  const setting = (event: Event) => {
    const keys = [...((event.state.rows as Row[] | undefined) ?? []), ...dataRows(event.params.data)].map((row) => row.key);
    if (keys.some(isPublicSetting)) everything();
  };
  strapi.db.lifecycles.subscribe({
    models: ['strapi::core-store'],
    beforeUpdate: (event: Event) => rowsBefore(event, ['id', 'key']),
    beforeDelete: (event: Event) => rowsBefore(event, ['id', 'key']),
    afterCreate: setting,
    afterUpdate: setting,
    afterDelete: setting,
  });
};
