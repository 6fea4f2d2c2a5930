import { Earth } from '@strapi/icons';

const PLUGIN_ID = 'translations';

type AdminApp = {
  addMenuLink: (link: Record<string, unknown>) => void;
  registerPlugin: (plugin: Record<string, unknown>) => void;
  widgets?: { register: (widget: Record<string, unknown>) => void };
};

/**
 * The admin side of the translation workflow: a "Translations" page (counts per type, the
 * documents that are missing or outdated, XLIFF download and upload) and a coverage widget on
 * the admin home page. Both read /translations/status: any signed-in administrator, who sees the
 * types and locales their role may read (docs/security.md).
 */
export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Earth,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Translations' },
      Component: () => import('./pages/TranslationsPage'),
      permissions: [],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Translations' });
    app.widgets?.register({
      id: 'coverage',
      pluginId: PLUGIN_ID,
      icon: Earth,
      title: { id: `${PLUGIN_ID}.widget.title`, defaultMessage: 'Translation coverage' },
      component: async () => (await import('./components/CoverageWidget')).CoverageWidget,
      link: { label: { id: `${PLUGIN_ID}.widget.link`, defaultMessage: 'Open Translations' }, href: `/plugins/${PLUGIN_ID}` },
    });
  },

  async registerTrads() {
    return [];
  },
};
