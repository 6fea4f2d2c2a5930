import { Earth } from '@strapi/icons';
import { loadLocales } from './workspace/locales';
import { sharedFieldsNote } from './workspace/shared-fields';
import { SourcePanel } from './workspace/SourcePanel';

const PLUGIN_ID = 'translations';

type ContentManagerApis = {
  addEditViewSidePanel: (panels: unknown[]) => void;
};
type AdminApp = {
  addMenuLink: (link: Record<string, unknown>) => void;
  registerPlugin: (plugin: Record<string, unknown>) => void;
  widgets?: { register: (widget: Record<string, unknown>) => void };
  getPlugin: (id: string) => { apis: unknown };
  registerHook: (name: string, fn: (...args: never[]) => unknown) => void;
};

/**
 * The admin side of the translation workflow: a "Translations" page (counts per type, the
 * documents that are missing or outdated, XLIFF download and upload) and a coverage widget on
 * the admin home page. Both read /translations/status: any signed-in administrator, who sees the
 * types and locales their role may read (docs/security.md). In the edit view of a translation: the
 * source beside it (side panel), the shared fields shown as such.
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

  bootstrap(app: AdminApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerApis;
    contentManager.addEditViewSidePanel([SourcePanel]);
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', sharedFieldsNote as never);
    // Known before the first edit view when possible (the layout hook cannot wait for it).
    loadLocales().catch(() => undefined);
  },

  async registerTrads() {
    return [];
  },
};
