import type { Core } from '@strapi/strapi';
import { responseCache } from './response-cache';

/** Besides our own content: what a public answer shows or depends on. */
const ALSO_WATCHED = [
  'plugin::upload.file', // media URLs, sizes and alt texts in populated answers
  'plugin::upload.folder',
  'plugin::users-permissions.permission', // what the public may read at all
  'plugin::users-permissions.role',
  'plugin::i18n.locale',
];

/**
 * Starts a new cache generation after every committed write to content, media, public
 * permissions or locales, whoever writes (admin panel, REST, seed, import). Answers are not
 * traced to the documents they contain: any write makes every cached answer stale. Writes are
 * rare next to reads, and this is the only rule under which a change reached through a relation
 * (a country renamed inside a project list) can never be served stale.
 */
export const invalidateCacheOnWrites = (strapi: Core.Strapi): void => {
  const store = responseCache(strapi);
  const newGeneration = () =>
    store.newGeneration().catch((error: unknown) => strapi.log.error(`Response cache: could not invalidate: ${String(error)}`));

  // Inside a transaction the new generation must start after the commit: an answer computed
  // before the commit would otherwise be stored under the new generation and outlive the write.
  const afterCommit = () => {
    if (strapi.db.inTransaction()) {
      void strapi.db.transaction(async ({ onCommit }) => onCommit(newGeneration));
    } else {
      void newGeneration();
    }
  };

  strapi.db.lifecycles.subscribe({
    models: [...Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::')), ...ALSO_WATCHED],
    afterCreate: afterCommit,
    afterCreateMany: afterCommit,
    afterUpdate: afterCommit,
    afterUpdateMany: afterCommit,
    afterDelete: afterCommit,
    afterDeleteMany: afterCommit,
  });
};
