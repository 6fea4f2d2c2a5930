import type { Core, UID } from '@strapi/strapi';
import { loadDemoContent } from '../seed/demo-content';

const STATE_KEY = 'demo-content';

const hasContent = async (strapi: Core.Strapi): Promise<boolean> => {
  for (const uid of Object.keys(strapi.contentTypes).filter((u) => u.startsWith('api::'))) {
    if ((await strapi.db.query(uid as UID.ContentType).count()) > 0) return true;
  }
  return false;
};

/**
 * Loads the demo content and records it in the core store, so that the automatic load happens
 * once: a later start never brings back demo entries an editor has deleted.
 */
export const seedDemoContent = async (strapi: Core.Strapi): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: 'habitat' });
  await store.set({ key: STATE_KEY, value: 'loading' });
  await loadDemoContent(strapi);
  await store.set({ key: STATE_KEY, value: 'loaded' });
};

/**
 * First start against an empty database: load the demo content (unless SEED_DEMO=false).
 * A load that was interrupted is resumed; a database that already holds content is never touched.
 */
export const loadDemoContentOnFirstStart = async (strapi: Core.Strapi): Promise<void> => {
  if (!strapi.config.get<boolean>('seed.demoOnFirstStart')) return;
  const state = await strapi.store({ type: 'plugin', name: 'habitat' }).get({ key: STATE_KEY });
  if (state === 'loaded') return;
  if (state !== 'loading' && (await hasContent(strapi))) return;
  await seedDemoContent(strapi);
};
