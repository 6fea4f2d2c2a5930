/**
 * Strapi's guided tour and its product announcements (the "Introducing the new Media Library"
 * banner) are meant for developers trying Strapi; to editors and translators of this site they
 * are noise that covers the screen. Both keep their state in the browser's localStorage only
 * (Strapi 5.54 has no setting for either): the tour under STRAPI_GUIDED_TOUR, switched off here;
 * the banner under a key scoped to the project's uuid (from /admin/init), set as dismissed.
 */

const TOUR_KEY = 'STRAPI_GUIDED_TOUR';

const readJson = (key: string): Record<string, unknown> | null => {
  try {
    const value = JSON.parse(window.localStorage.getItem(key) ?? 'null');
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
};

export const switchOffTourAndAnnouncements = (): void => {
  window.localStorage.setItem(TOUR_KEY, JSON.stringify({ ...(readJson(TOUR_KEY) ?? {}), enabled: false, hidden: true }));
  fetch('/admin/init', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((body: { data?: { uuid?: string | false } } | null) => {
      // The key ends with the uuid as a string: "false" when the project has none (package.json).
      for (const scope of new Set([String(body?.data?.uuid), 'undefined'])) {
        for (const legacy of ['true', 'false']) window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${scope}`, 'true');
      }
    })
    .catch(() => undefined);
};
