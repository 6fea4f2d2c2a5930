import type { Core } from '@strapi/strapi';
import memoryEntrySchema from './content-types/memory-entry/schema.json';
import sourceSnapshotSchema from './content-types/source-snapshot/schema.json';
import statusSchema from './content-types/status/schema.json';
import { fallbackMiddleware } from './fallback';
import { forgetLocaleCodes } from './locales';
import { createLocaleGuard, newLocaleMiddleware } from './new-locale';
import { describeRepair, repairSharedFields, sharedFields, sharedFieldsMiddleware } from './shared-fields';
import { describeDrift, pendingLinks, sharedRelationDrift, sharedRelations, sharedRelationsMiddleware } from './shared-relations';
import { backfillStatus, confirmStatus, findStatus, statusMiddleware } from './status';
import { lookupMemory, type LookupOptions } from './memory/lookup';
import { rebuildMemory } from './memory/store';
import { statusAnswer, statusQuery, stillCorrectAnswer, stillCorrectBody } from './status-schema';
import { ensureTranslatorRole } from './translator-role';
import { adminController } from './admin-controller';
import { workspaceController } from './workspace/controller';

/**
 * The translation workflow, in one place:
 *  - REST locale fallback, `?locale=km&fallbackLocale=en` (fallback.ts);
 *  - translation status, kept on every write, `GET /api/translation-status` (status.ts);
 *  - shared (non-localized) fields have one value per document, in every locale's draft and
 *    published version, whatever path writes them; a start repairs documents split before (shared-fields.ts);
 *  - relations between translated types are shared too: a change in one locale is made in every
 *    other, and a link to a target without a version there waits for it (shared-relations.ts);
 *  - a new locale version gets the relations of the English one (new-locale.ts);
 *  - the "Translator (Khmer)" admin role (translator-role.ts), which may not create English (new-locale.ts);
 *  - XLIFF 1.2 export and import (xliff/), from `npm run xliff` and the admin Translations page;
 *  - the translator's side panel in the edit view: the source beside the translation, what changed
 *    in it since (workspace/), and the translation memory's suggestions (memory/).
 */
export default {
  config: {
    // xliffMaxFileSize: the largest XLIFF upload, in bytes (the page, its route and `npm run xliff` share it).
    default: { defaultFallbacks: {}, xliffMaxFileSize: 16 * 1024 * 1024 },
    validator(config: { defaultFallbacks?: unknown; xliffMaxFileSize?: unknown }) {
      const fallbacks = config.defaultFallbacks;
      if (fallbacks === null || typeof fallbacks !== 'object' || Array.isArray(fallbacks)) {
        throw new Error('defaultFallbacks must be an object such as { "km": ["en"] }');
      }
      if (!Number.isSafeInteger(config.xliffMaxFileSize) || (config.xliffMaxFileSize as number) < 1) {
        throw new Error('xliffMaxFileSize must be a whole number of bytes, at least 1');
      }
    },
  },

  contentTypes: {
    status: { schema: statusSchema },
    'source-snapshot': { schema: sourceSnapshotSchema },
    'memory-entry': { schema: memoryEntrySchema },
  },

  controllers: {
    status: ({ strapi }: { strapi: Core.Strapi }) => ({
      async find(ctx: { query: Record<string, unknown>; body: unknown }) {
        ctx.body = await findStatus(strapi, ctx.query);
      },
      async confirm(ctx: { request: { body: unknown }; body: unknown }) {
        ctx.body = await confirmStatus(strapi, ctx.request.body);
      },
    }),
    admin: adminController,
    workspace: workspaceController,
  },

  // translator-role: called from the application's bootstrap (src/index.ts), see translator-role.ts.
  // memory: `npm run memory:rebuild` and the benchmark.
  services: {
    'translator-role': ({ strapi }: { strapi: Core.Strapi }) => ({ ensure: () => ensureTranslatorRole(strapi) }),
    memory: ({ strapi }: { strapi: Core.Strapi }) => ({
      rebuild: (onProgress?: (message: string) => void) => rebuildMemory(strapi, onProgress),
      lookup: (options: LookupOptions) => lookupMemory(strapi, options),
    }),
    // Called from the application's bootstrap, `npm run repair:shared-fields` and the seed.
    'shared-fields': ({ strapi }: { strapi: Core.Strapi }) => ({
      fields: (uid: string) => sharedFields(strapi, uid),
      repair: () => repairSharedFields(strapi),
      describe: describeRepair,
    }),
    // `npm run shared-relations` (the drift report and repair).
    'shared-relations': ({ strapi }: { strapi: Core.Strapi }) => ({
      relations: (uid: string) => sharedRelations(strapi, uid),
      pending: (uid: string, documentId: string, locale: string) => pendingLinks(strapi, uid, documentId, locale),
      drift: (options?: { repair?: boolean }) => sharedRelationDrift(strapi, options),
      describe: describeDrift,
    }),
  },

  routes: {
    // For tools: an API token with these actions (Settings › API Tokens); anonymous callers get 403.
    'content-api': {
      type: 'content-api',
      routes: [
        // request/response: what /api/openapi.json says about them (status-schema.ts).
        { method: 'GET', path: '/translation-status', handler: 'status.find', config: { prefix: '' }, request: { query: statusQuery }, response: statusAnswer },
        {
          method: 'POST',
          path: '/translation-status/still-correct',
          handler: 'status.confirm',
          config: { prefix: '' },
          request: { body: { 'application/json': stillCorrectBody } },
          response: stillCorrectAnswer,
        },
      ],
    },
    // The same for the admin panel, and the XLIFF download and upload of the Translations page (the
    // same as `npm run xliff`): any signed-in administrator, each answer limited to what their role
    // may read or edit in the content manager (admin-controller.ts, access.ts; docs/security.md).
    admin: {
      type: 'admin',
      routes: [
        { method: 'GET', path: '/status', handler: 'admin.status', config: { policies: ['admin::isAuthenticatedAdmin'] } },
        { method: 'POST', path: '/status/still-correct', handler: 'admin.stillCorrect', config: { policies: ['admin::isAuthenticatedAdmin'] } },
        { method: 'GET', path: '/settings', handler: 'admin.settings', config: { policies: ['admin::isAuthenticatedAdmin'] } },
        { method: 'GET', path: '/xliff', handler: 'admin.exportXliff', config: { policies: ['admin::isAuthenticatedAdmin'] } },
        { method: 'POST', path: '/xliff', handler: 'admin.importXliff', config: { policies: ['admin::isAuthenticatedAdmin'] } },
        // The edit view's side panel (?contentType=&documentId=&locale=): the administrator's read permission in both locales.
        { method: 'GET', path: '/workspace/source', handler: 'workspace.source', config: { policies: ['admin::isAuthenticatedAdmin'] } },
        { method: 'GET', path: '/workspace/memory', handler: 'workspace.memory', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      ],
    },
  },

  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(fallbackMiddleware(strapi));
    strapi.documents.use(createLocaleGuard(strapi));
    strapi.documents.use(newLocaleMiddleware(strapi));
    strapi.documents.use(statusMiddleware(strapi));
    // ?fallbackLocale=en on find and findOne of our content types (strict params would refuse it otherwise).
    // Route definitions are module singletons: when the app is created again in the same process
    // (tests comparing two databases), they already have it.
    strapi.contentAPI.addQueryParams({
      fallbackLocale: {
        schema: (z) => z.string().optional(),
        matchRoute: (route) =>
          route.method === 'GET' &&
          typeof route.handler === 'string' &&
          /^api::.+\.(find|findOne)$/.test(route.handler) &&
          !(route.request?.query && 'fallbackLocale' in route.request.query),
      },
    });
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // At bootstrap, not register: after the application's middlewares, so inside them (see shared-fields.ts).
    strapi.documents.use(sharedFieldsMiddleware(strapi));
    strapi.documents.use(sharedRelationsMiddleware(strapi));
    strapi.db.lifecycles.subscribe({
      models: ['plugin::i18n.locale'],
      afterCreate: forgetLocaleCodes,
      afterUpdate: forgetLocaleCodes,
      afterDelete: forgetLocaleCodes,
    });
    await backfillStatus(strapi);
  },
};
