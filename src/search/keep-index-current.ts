import type { Core, Modules } from '@strapi/strapi';
import type { Knex } from 'knex';
import { typeOfUid } from './indexed-types';
import { deleteRows } from './index-store';
import { reindexDocument } from './indexer';

const WRITES = new Set(['create', 'update', 'clone', 'publish', 'unpublish', 'discardDraft', 'delete']);

/**
 * Keeps the search index current: after every Document Service write to an indexed type (whoever
 * writes: admin panel, REST, seed, XLIFF import), the document's index rows are rebuilt from its
 * published versions, so a published entry is findable at once and an unpublished or deleted one
 * disappears at once.
 */
export const keepSearchIndexCurrent =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const type = typeOfUid(context.uid);
    if (!type || !WRITES.has(context.action)) return next();
    const result = await next();
    const params = context.params as { documentId?: string };
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) await reindexDocument(strapi, type, documentId);
    return result;
  };

/** Deleting a locale (Settings › Internationalization) deletes its content: its index rows go too. */
export const dropIndexOfDeletedLocales = (strapi: Core.Strapi): void => {
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    async afterDelete(event) {
      const code = (event.result as { code?: string } | undefined)?.code;
      if (!code) return;
      await strapi.db.transaction(({ trx }) => deleteRows(strapi, trx as unknown as Knex, (query) => query.where({ locale: code })));
    },
  });
};
