import { switchOffTourAndAnnouncements } from './announcements';
import { loadKhmerFont } from './khmer-font';
import { onlyPermittedActions } from './permitted-actions';
import { km } from './translations/km';
import { IntegerInput } from './year-input';
import { plainYears } from './years';

type ContentManagerApis = { addDocumentAction: (reducer: (actions: unknown[]) => unknown[]) => void };
type App = { getPlugin: (id: string) => { apis: unknown }; registerHook: (name: string, fn: (...args: never[]) => unknown) => void };
type RegisterApp = { addFields: (field: { type: string; Component: unknown }) => void };

/**
 * The admin panel as editors and translators use it: in English or Khmer (translations/km.ts,
 * drawn in the bundled Khmer font, khmer-font.ts), years shown as years, only the actions the
 * signed-in role may take, no guided tour or product announcements.
 */
export default {
  config: {
    locales: ['km'],
    translations: { km },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: RegisterApp) {
    switchOffTourAndAnnouncements();
    // Years in the edit view without thousands separators (the list view: plainYears below).
    app.addFields({ type: 'integer', Component: IntegerInput });
  },
  bootstrap(app: App) {
    loadKhmerFont();
    // After every plugin's bootstrap (this runs last), so that i18n's "Delete locale" is included.
    (app.getPlugin('content-manager').apis as ContentManagerApis).addDocumentAction((actions) => onlyPermittedActions(actions));
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', plainYears as never);
  },
};
