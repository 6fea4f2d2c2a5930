/**
 * The admin panel in Khmer (interface language "ខ្មែរ" in the profile and on the sign-in page):
 * the strings a translator meets on the sign-in page, the home page, the content manager's list and
 * edit views, the locale switcher, save/publish/preview and their messages, the media library's
 * dialogs, and this project's Translations page, side panel and widget.
 *
 * Every string is a machine-assisted draft marked `reviewed: false`, as the demo content marks its
 * draft translations: a native speaker checks it, then sets `reviewed: true`. The English is kept
 * beside it for the reviewer. Strings not listed here stay in English (the README lists where).
 */

type Entry = { en: string; km: string; reviewed: boolean };

const STRINGS: Record<string, Entry> = {
  // Sign-in page
  'Auth.form.welcome.title': { en: 'Welcome to Strapi!', km: 'សូមស្វាគមន៍!', reviewed: false },
  'Auth.form.welcome.subtitle': { en: 'Log in to your Strapi account', km: 'ចូលគណនីរបស់អ្នក', reviewed: false },
  'Auth.form.email.label': { en: 'Email', km: 'អ៊ីមែល', reviewed: false },
  'Auth.form.email.placeholder': { en: 'e.g. kai@doe.com', km: 'ឧ. sophea@example.org', reviewed: false },
  'global.password': { en: 'Password', km: 'ពាក្យសម្ងាត់', reviewed: false },
  'Auth.form.rememberMe.label': { en: 'Remember me', km: 'ចងចាំខ្ញុំ', reviewed: false },
  'Auth.form.button.login': { en: 'Login', km: 'ចូល', reviewed: false },
  'Auth.link.forgot-password': { en: 'Forgot your password?', km: 'ភ្លេចពាក្យសម្ងាត់?', reviewed: false },

  // Menu and home page
  'global.home': { en: 'Home', km: 'ទំព័រដើម', reviewed: false },
  'HomePage.head.title': { en: 'Homepage', km: 'ទំព័រដើម', reviewed: false },
  'HomePage.header.title': { en: 'Hello {name}', km: 'សួស្តី {name}', reviewed: false },
  'HomePage.header.subtitle': { en: 'Welcome to your administration panel', km: 'សូមស្វាគមន៍មកកាន់ផ្ទាំងគ្រប់គ្រងរបស់អ្នក', reviewed: false },
  'HomePage.widget.loading': { en: 'Loading widget content', km: 'កំពុងផ្ទុកខ្លឹមសារ', reviewed: false },
  'HomePage.widget.error': { en: "Couldn't load widget content.", km: 'មិនអាចផ្ទុកខ្លឹមសារបានទេ។', reviewed: false },
  'HomePage.widget.no-data': { en: 'No content found.', km: 'រកមិនឃើញខ្លឹមសារទេ។', reviewed: false },
  'content-manager.widget.last-edited.title': { en: 'Last edited entries', km: 'ធាតុដែលបានកែចុងក្រោយ', reviewed: false },
  'content-manager.widget.last-published.title': { en: 'Last published entries', km: 'ធាតុដែលបានផ្សព្វផ្សាយចុងក្រោយ', reviewed: false },
  'widget.profile.title': { en: 'Profile', km: 'ប្រវត្តិរូប', reviewed: false },
  'global.content-manager': { en: 'Content Manager', km: 'គ្រប់គ្រងខ្លឹមសារ', reviewed: false },
  'global.settings': { en: 'Settings', km: 'ការកំណត់', reviewed: false },
  'global.profile': { en: 'Profile', km: 'ប្រវត្តិរូប', reviewed: false },
  'app.components.LeftMenu.logout': { en: 'Log out', km: 'ចាកចេញ', reviewed: false },
  'Settings.profile.form.section.experience.title': { en: 'Experience', km: 'បទពិសោធន៍', reviewed: false },
  'Settings.profile.form.section.experience.interfaceLanguage': { en: 'Interface language', km: 'ភាសាផ្ទាំងប្រើប្រាស់', reviewed: false },

  // Content manager: list view
  'content-manager.header.name': { en: 'Content Manager', km: 'គ្រប់គ្រងខ្លឹមសារ', reviewed: false },
  'content-manager.components.LeftMenu.collection-types': { en: 'Collection Types', km: 'ប្រភេទជាបណ្តុំ', reviewed: false },
  'content-manager.components.LeftMenu.single-types': { en: 'Single Types', km: 'ប្រភេទតែមួយ', reviewed: false },
  'content-manager.HeaderLayout.button.label-add-entry': { en: 'Create new entry', km: 'បង្កើតធាតុថ្មី', reviewed: false },
  'content-manager.pages.ListView.header-subtitle': { en: '{number, plural, =0 {# entries} one {# entry} other {# entries}} found', km: 'រកឃើញ {number} ធាតុ', reviewed: false },
  'content-manager.components.Search.placeholder': { en: 'Search for an entry...', km: 'ស្វែងរកធាតុ...', reviewed: false },
  'content-manager.components.TableEmpty.withoutFilter': { en: 'There are no {contentType}...', km: 'មិនមាន {contentType} ទេ...', reviewed: false },
  'content-manager.containers.list.filters.status': { en: 'Status', km: 'ស្ថានភាព', reviewed: false },
  'content-manager.containers.list.table.row-actions': { en: 'Row actions', km: 'សកម្មភាពលើជួរ', reviewed: false },
  'global.search': { en: 'Search', km: 'ស្វែងរក', reviewed: false },
  'app.utils.filters': { en: 'Filters', km: 'តម្រង', reviewed: false },

  // Content manager: edit view, save, publish, their messages
  'global.save': { en: 'Save', km: 'រក្សាទុក', reviewed: false },
  'app.utils.publish': { en: 'Publish', km: 'ផ្សព្វផ្សាយ', reviewed: false },
  'app.utils.unpublish': { en: 'Unpublish', km: 'ឈប់ផ្សព្វផ្សាយ', reviewed: false },
  'content-manager.containers.edit.tabs.draft': { en: 'draft', km: 'សេចក្តីព្រាង', reviewed: false },
  'content-manager.containers.edit.tabs.published': { en: 'published', km: 'បានផ្សព្វផ្សាយ', reviewed: false },
  'content-manager.containers.edit.panels.default.title': { en: 'Entry', km: 'ធាតុ', reviewed: false },
  'content-manager.containers.edit.panels.default.more-actions': { en: 'More document actions', km: 'សកម្មភាពផ្សេងទៀត', reviewed: false },
  'content-manager.containers.edit.header.more-actions': { en: 'More actions', km: 'សកម្មភាពផ្សេងទៀត', reviewed: false },
  'content-manager.containers.edit.title.new': { en: 'Create an entry', km: 'បង្កើតធាតុ', reviewed: false },
  'content-manager.containers.untitled': { en: 'Untitled', km: 'គ្មានចំណងជើង', reviewed: false },
  'content-manager.containers.edit.information.last-published.label': { en: 'Published', km: 'បានផ្សព្វផ្សាយ', reviewed: false },
  'content-manager.containers.edit.information.last-draft.label': { en: 'Updated', km: 'បានកែប្រែ', reviewed: false },
  'content-manager.containers.edit.information.document.label': { en: 'Created', km: 'បានបង្កើត', reviewed: false },
  'content-manager.containers.EditView.saveHint': { en: 'Ctrl / Cmd + Enter to save', km: 'Ctrl / Cmd + Enter ដើម្បីរក្សាទុក', reviewed: false },
  'content-manager.containers.EditView.publishHint': { en: 'Ctrl / Cmd + Shift + Enter to publish', km: 'Ctrl / Cmd + Shift + Enter ដើម្បីផ្សព្វផ្សាយ', reviewed: false },
  'content-manager.actions.discard.label': { en: 'Discard changes', km: 'បោះបង់ការផ្លាស់ប្តូរ', reviewed: false },
  'content-manager.success.record.save': { en: 'Saved document', km: 'បានរក្សាទុកឯកសារ', reviewed: false },
  'content-manager.success.record.publish': { en: 'Published document', km: 'បានផ្សព្វផ្សាយឯកសារ', reviewed: false },
  'content-manager.success.record.publishing': { en: 'Publishing...', km: 'កំពុងផ្សព្វផ្សាយ...', reviewed: false },
  'content-manager.success.record.unpublish': { en: 'Unpublished document', km: 'បានឈប់ផ្សព្វផ្សាយឯកសារ', reviewed: false },
  'content-manager.success.record.discard': { en: 'Changes discarded', km: 'បានបោះបង់ការផ្លាស់ប្តូរ', reviewed: false },
  'content-manager.validation.error': {
    en: 'There are validation errors in your document. Please fix them before saving.',
    km: 'ឯកសាររបស់អ្នកមានកំហុស។ សូមកែវាមុននឹងរក្សាទុក។',
    reviewed: false,
  },
  'notification.error': { en: 'An error occurred', km: 'មានកំហុសកើតឡើង', reviewed: false },
  'notification.form.error.fields': { en: 'The form contains some errors', km: 'ទម្រង់មានកំហុសខ្លះ', reviewed: false },
  'notification.success.saved': { en: 'Saved', km: 'បានរក្សាទុក', reviewed: false },
  'app.components.ConfirmDialog.title': { en: 'Confirmation', km: 'ការបញ្ជាក់', reviewed: false },
  'app.components.Button.cancel': { en: 'Cancel', km: 'បោះបង់', reviewed: false },
  'app.components.Button.confirm': { en: 'Confirm', km: 'បញ្ជាក់', reviewed: false },
  'global.cancel': { en: 'Cancel', km: 'បោះបង់', reviewed: false },
  'global.finish': { en: 'Finish', km: 'បញ្ចប់', reviewed: false },

  // Preview
  'content-manager.preview.panel.title': { en: 'Preview', km: 'មើលជាមុន', reviewed: false },
  'content-manager.preview.panel.button': { en: 'Open preview', km: 'បើកការមើលជាមុន', reviewed: false },
  'content-manager.preview.panel.button-disabled-tooltip': { en: 'Please save to open the preview', km: 'សូមរក្សាទុកសិន ដើម្បីបើកការមើលជាមុន', reviewed: false },
  'content-manager.preview.header.close': { en: 'Close preview', km: 'បិទការមើលជាមុន', reviewed: false },

  // Locale switcher (i18n)
  'i18n.actions.select-locale': { en: 'Select a locale', km: 'ជ្រើសរើសភាសា', reviewed: false },
  'i18n.CMEditViewLocalePicker.locale.create': { en: 'Create <bold>{locale}</bold> locale', km: 'បង្កើតកំណែ <bold>{locale}</bold>', reviewed: false },
  'i18n.Field.localized': { en: 'This value is unique for the selected locale', km: 'តម្លៃនេះសម្រាប់តែភាសាដែលបានជ្រើសរើស', reviewed: false },
  'i18n.CMEditViewCopyLocale.copy-text': { en: 'Fill in from another locale', km: 'បំពេញពីភាសាផ្សេង', reviewed: false },
  'i18n.CMListView.popover.display-locales.label': { en: 'Display translated locales', km: 'បង្ហាញភាសាដែលបានបកប្រែ', reviewed: false },

  // Media library dialogs
  'upload.plugin.name': { en: 'Media Library', km: 'បណ្ណាល័យមេឌៀ', reviewed: false },
  'upload.header.actions.add-assets': { en: 'Add new assets', km: 'បន្ថែមឯកសារមេឌៀថ្មី', reviewed: false },
  'upload.modal.header.browse': { en: 'Upload assets', km: 'ផ្ទុកឯកសារមេឌៀឡើង', reviewed: false },
  'upload.modal.nav.browse': { en: 'browse', km: 'រកមើល', reviewed: false },
  'upload.modal.nav.selected': { en: 'selected', km: 'បានជ្រើសរើស', reviewed: false },
  'upload.modal.nav.computer': { en: 'From computer', km: 'ពីកុំព្យូទ័រ', reviewed: false },
  'upload.modal.nav.url': { en: 'From url', km: 'ពី URL', reviewed: false },
  'upload.modal.header.select-files': { en: 'Selected files', km: 'ឯកសារដែលបានជ្រើសរើស', reviewed: false },
  'upload.modal.header.file-detail': { en: 'Details', km: 'ព័ត៌មានលម្អិត', reviewed: false },
  'upload.modal.header.go-back': { en: 'Go back', km: 'ត្រឡប់ក្រោយ', reviewed: false },
  'upload.input.button.label': { en: 'Browse files', km: 'រកមើលឯកសារ', reviewed: false },
  'upload.input.placeholder': { en: 'Click to add an asset or drag & drop a file in this area', km: 'ចុចដើម្បីបន្ថែមឯកសារ ឬអូសឯកសារមកទម្លាក់ក្នុងតំបន់នេះ', reviewed: false },
  'upload.list.assets.empty': { en: 'Media Library is empty', km: 'បណ្ណាល័យមេឌៀទទេ', reviewed: false },
  'upload.sort.label': { en: 'Sort by', km: 'តម្រៀបតាម', reviewed: false },
  'upload.search.placeholder': { en: 'e.g: the first dog on the moon', km: 'ឧ. ផ្ទះនៅភ្នំពេញ', reviewed: false },

  // This project: Translations page, widget, side panel, shared fields
  'translations.menu': { en: 'Translations', km: 'ការបកប្រែ', reviewed: false },
  'translations.widget.title': { en: 'Translation coverage', km: 'វិសាលភាពនៃការបកប្រែ', reviewed: false },
  'translations.widget.link': { en: 'Open Translations', km: 'បើកទំព័រការបកប្រែ', reviewed: false },
  'translations.widget.error': { en: 'Could not load the translation status: {error}', km: 'មិនអាចផ្ទុកស្ថានភាពការបកប្រែបានទេ៖ {error}', reviewed: false },
  'translations.widget.upToDate': { en: '{percent}% up to date', km: 'ទាន់សម័យ {percent}%', reviewed: false },
  'translations.page.subtitle': {
    en: 'What is missing or out of date in each language, and XLIFF files for translation tools',
    km: 'អ្វីដែលមិនទាន់មាន ឬហួសសម័យក្នុងភាសានីមួយៗ និងឯកសារ XLIFF សម្រាប់កម្មវិធីបកប្រែ',
    reviewed: false,
  },
  'translations.status.missing': { en: 'Missing', km: 'មិនទាន់មាន', reviewed: false },
  'translations.status.outdated': { en: 'Outdated', km: 'ហួសសម័យ', reviewed: false },
  'translations.status.draft-only': { en: 'Draft only', km: 'សេចក្តីព្រាងប៉ុណ្ណោះ', reviewed: false },
  'translations.status.up-to-date': { en: 'Up to date', km: 'ទាន់សម័យ', reviewed: false },
  'translations.page.stillCorrect': { en: 'Still correct', km: 'នៅតែត្រឹមត្រូវ', reviewed: false },
  'translations.page.download': { en: 'Download XLIFF', km: 'ទាញយក XLIFF', reviewed: false },
  'translations.page.upload': { en: 'Upload XLIFF', km: 'ផ្ទុក XLIFF ឡើង', reviewed: false },
  'translations.workspace.title': { en: '{language} source', km: 'អត្ថបទដើម ({language})', reviewed: false },
  'translations.workspace.intro': { en: 'The {language} text of every translated field.', km: 'អត្ថបទ {language} នៃវាលនីមួយៗដែលត្រូវបកប្រែ។', reviewed: false },
  'translations.workspace.outdatedSummary': {
    en: '{count, plural, one {# field} other {# fields}} changed in {language} since translated.',
    km: 'វាល {count} បានផ្លាស់ប្តូរជា {language} តាំងពីការបកប្រែ។',
    reviewed: false,
  },
  'translations.workspace.outdated': { en: 'changed', km: 'បានផ្លាស់ប្តូរ', reviewed: false },
  'translations.workspace.changedSince': { en: 'What changed in {language} since it was translated:', km: 'អ្វីដែលបានផ្លាស់ប្តូរជា {language} តាំងពីការបកប្រែ៖', reviewed: false },
  'translations.workspace.noSnapshot': {
    en: 'The earlier text was not recorded (translated before this was kept).',
    km: 'មិនមានកំណត់ត្រាអត្ថបទមុនទេ (បានបកប្រែមុនពេលរក្សាទុកវា)។',
    reviewed: false,
  },
  'translations.workspace.empty': { en: 'Empty in {language}', km: 'ទទេជា {language}', reviewed: false },
  'translations.workspace.pendingLinks': { en: 'Links waiting for a version in this language', km: 'តំណដែលរង់ចាំកំណែជាភាសានេះ', reviewed: false },
  'translations.workspace.pendingLinksHelp': {
    en: 'They are linked in {language}. Each is linked here as soon as it is translated.',
    km: 'វាត្រូវបានភ្ជាប់ជា {language}។ នីមួយៗនឹងត្រូវភ្ជាប់នៅទីនេះភ្លាមៗនៅពេលដែលវាត្រូវបានបកប្រែ។',
    reviewed: false,
  },
  'translations.page.coverage': { en: 'Coverage ({locale})', km: 'ការគ្របដណ្តប់ ({locale})', reviewed: false },
  'translations.page.type': { en: 'Type', km: 'ប្រភេទ', reviewed: false },
  'translations.page.documents': { en: 'Documents', km: 'ឯកសារ', reviewed: false },
  'translations.page.document': { en: 'Document', km: 'ឯកសារ', reviewed: false },
  'translations.page.percentUpToDate': { en: '% up to date', km: '% ទាន់សម័យ', reviewed: false },
  'translations.page.language': { en: 'Language', km: 'ភាសា', reviewed: false },
  'translations.page.allTypes': { en: 'All types', km: 'គ្រប់ប្រភេទ', reviewed: false },
  'translations.page.status': { en: 'Status', km: 'ស្ថានភាព', reviewed: false },
  'translations.page.filter.missingOrOutdated': { en: 'Missing or outdated', km: 'មិនទាន់មាន ឬហួសសម័យ', reviewed: false },
  'translations.page.filter.all': { en: 'All', km: 'ទាំងអស់', reviewed: false },
  'translations.page.loading': { en: 'Loading', km: 'កំពុងផ្ទុក', reviewed: false },
  'translations.page.nothingToShow': {
    en: 'Nothing to show: every document of this selection is translated.',
    km: 'គ្មានអ្វីត្រូវបង្ហាញទេ៖ ឯកសារទាំងអស់ក្នុងជម្រើសនេះត្រូវបានបកប្រែហើយ។',
    reviewed: false,
  },
  'translations.page.changedInSource': { en: 'Changed in English', km: 'បានផ្លាស់ប្តូរជាភាសាអង់គ្លេស', reviewed: false },
  'translations.page.action': { en: 'Action', km: 'សកម្មភាព', reviewed: false },
  'translations.page.previous': { en: 'Previous', km: 'មុន', reviewed: false },
  'translations.page.next': { en: 'Next', km: 'បន្ទាប់', reviewed: false },
  'translations.page.pageOf': { en: 'Page {page} of {pageCount} ({total} documents)', km: 'ទំព័រ {page} នៃ {pageCount} (ឯកសារ {total})', reviewed: false },
  'translations.page.pendingLinks': { en: 'Links waiting for a version in this language: {links}', km: 'តំណដែលរង់ចាំកំណែជាភាសានេះ៖ {links}', reviewed: false },
  'translations.workspace.loading': { en: 'Loading', km: 'កំពុងផ្ទុក', reviewed: false },
  'translations.workspace.memory.insert': { en: 'Insert', km: 'បញ្ចូល', reviewed: false },
  'translations.workspace.memory.draft': { en: '(draft)', km: '(សេចក្តីព្រាង)', reviewed: false },
  'translations.workspace.memory.drafts': { en: 'Also suggest unpublished translations', km: 'ណែនាំការបកប្រែដែលមិនទាន់ផ្សព្វផ្សាយផងដែរ', reviewed: false },
  'translations.workspace.shared': { en: 'Shared with the {language} version; edited there.', km: 'ប្រើរួមជាមួយកំណែ {language}; កែនៅទីនោះ។', reviewed: false },
};

/** The messages for `config.translations.km`. */
export const km: Record<string, string> = Object.fromEntries(Object.entries(STRINGS).map(([id, entry]) => [id, entry.km]));
