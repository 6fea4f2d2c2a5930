import type { Core } from '@strapi/strapi';
import type { SiteSettings } from './preview';

/** The webhook this code owns, found again by its name on every start. */
export const WEBHOOK_NAME = 'Site revalidation (managed by SITE_URL)';

const EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish', 'media.create', 'media.update', 'media.delete'];

interface StoredWebhook {
  id: string | number;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}
interface WebhookStore {
  findWebhooks(): Promise<StoredWebhook[]>;
  createWebhook(data: Omit<StoredWebhook, 'id' | 'isEnabled'>): Promise<StoredWebhook>;
  updateWebhook(id: StoredWebhook['id'], data: Omit<StoredWebhook, 'id'>): Promise<StoredWebhook | null>;
  deleteWebhook(id: StoredWebhook['id']): Promise<StoredWebhook | null>;
  getAllowedEvent?(key: string): string | undefined;
  allowedEvents: Map<string, string>;
}
interface WebhookRunner {
  update(webhook: StoredWebhook): void;
  remove(webhook: StoredWebhook): void;
}

/**
 * Makes the CMS call the site's /api/revalidate after every change, from SITE_URL and
 * SITE_REVALIDATE_SECRET: creates the webhook, brings it up to date when they change, removes it
 * when SITE_URL is emptied. Runs after Strapi loaded the stored webhooks, so it also tells the
 * running webhook runner. Other webhooks (made in the admin panel) are left alone.
 */
export const configureRevalidationWebhook = async (strapi: Core.Strapi): Promise<void> => {
  const site = strapi.config.get('site') as SiteSettings;
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  const existing = (await store.findWebhooks()).find((webhook) => webhook.name === WEBHOOK_NAME);

  if (!site.url || !site.revalidateSecret) {
    if (existing) {
      await store.deleteWebhook(existing.id);
      runner.remove(existing);
    }
    if (site.url) strapi.log.warn('SITE_URL is set but SITE_REVALIDATE_SECRET is not: the site is not told about changes (it refreshes on its own timer).');
    return;
  }

  // Media events exist only while the upload plugin is there.
  const allowed = new Set(store.allowedEvents.values());
  const wanted = {
    name: WEBHOOK_NAME,
    url: `${site.url}/api/revalidate`,
    headers: { Authorization: `Bearer ${site.revalidateSecret}` },
    events: EVENTS.filter((event) => allowed.has(event)),
  };
  if (!existing) {
    runner.update(await store.createWebhook(wanted));
    return;
  }
  const same =
    existing.url === wanted.url &&
    existing.isEnabled &&
    JSON.stringify(existing.headers) === JSON.stringify(wanted.headers) &&
    JSON.stringify([...existing.events].sort()) === JSON.stringify([...wanted.events].sort());
  if (!same) {
    const updated = await store.updateWebhook(existing.id, { ...wanted, isEnabled: true });
    if (updated) runner.update(updated);
  }
};
