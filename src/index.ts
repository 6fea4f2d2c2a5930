import type { Core } from '@strapi/strapi';
import { configureAdminViews } from './bootstrap/admin-views';
import { useKhmerCollation } from './bootstrap/khmer-collation';
import { ensureLocales } from './bootstrap/locales';
import { enlargeSqlitePageCache, useWriteAheadLog } from './bootstrap/sqlite-cache';
import { dropStaleOpenApiCache } from './bootstrap/openapi-cache';
import { disablePublicRegistration, grantPublicReadAccess } from './bootstrap/public-permissions';
import { loadDemoContentOnFirstStart } from './bootstrap/demo-content';
import { repairSplitSharedFields } from './bootstrap/shared-fields';
import { asciiSlugs } from './document-middlewares/ascii-slugs';
import { khmerSortOnSqlite } from './document-middlewares/khmer-sort-sqlite';
import { ensureSlugHistoryTable, previousSlugs } from './document-middlewares/previous-slugs';
import { draftsNeedPreviewToken } from './document-middlewares/drafts-need-preview-token';
import { keepSearchIndexCurrent, dropIndexOfDeletedLocales } from './search/keep-index-current';
import { ensureSearchIndex } from './search/indexer';
import { closeSearchReaders, openSearchReaders } from './search/readers';
import { invalidateCacheOnWrites } from './cache/invalidation';
import { serveCacheHitsFirst } from './cache/fast-path';
import { closeResponseCache, responseCache } from './cache/response-cache';
import { serveReadiness } from './health/readiness';
import { enforceUploadPolicy } from './uploads/upload-policy';
import { closeAuthAttempts } from './rate-limit/attempts';
import { configureRevalidationWebhook } from './site/revalidation-webhook';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(draftsNeedPreviewToken(strapi));
    enforceUploadPolicy(strapi);
    strapi.documents.use(asciiSlugs(strapi));
    strapi.documents.use(khmerSortOnSqlite(strapi));
    strapi.documents.use(previousSlugs(strapi));
    strapi.documents.use(keepSearchIndexCurrent(strapi));
    // Innermost, registered at the translations plugin's bootstrap: shared fields (shared-fields.ts),
    // so that the slug history and the search index above see every locale already in step.
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await enlargeSqlitePageCache(strapi);
    await useWriteAheadLog(strapi);
    // Code or configuration may have changed since answers were stored (a shared Redis outlives a
    // deployment): a start begins a new cache generation.
    await responseCache(strapi).connect();
    await responseCache(strapi).newGeneration();
    invalidateCacheOnWrites(strapi);
    serveCacheHitsFirst(strapi);
    serveReadiness(strapi);
    await ensureLocales(strapi);
    await useKhmerCollation(strapi);
    await ensureSlugHistoryTable(strapi);
    await grantPublicReadAccess(strapi);
    await disablePublicRegistration(strapi);
    await configureAdminViews(strapi);
    // After the admin panel's bootstrap (plugins bootstrap before it), see translator-role.ts.
    await strapi.plugin('translations').service('translator-role').ensure();
    dropStaleOpenApiCache(strapi);
    dropIndexOfDeletedLocales(strapi);
    // Before the demo content, whose writes are indexed as they happen.
    await ensureSearchIndex(strapi);
    openSearchReaders(strapi);
    // After the slug history and the search index, which the repair keeps in step.
    await repairSplitSharedFields(strapi);
    await loadDemoContentOnFirstStart(strapi);
    // After the demo content: its thousands of writes need not each call the site.
    await configureRevalidationWebhook(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closeResponseCache(strapi);
    await closeAuthAttempts(strapi);
    await closeSearchReaders(strapi);
  },
};
