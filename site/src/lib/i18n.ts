/**
 * The site's two languages, its interface words, and how numbers and dates are written in each.
 *
 * Khmer numerals (decision, see site/README.md): on the Khmer site, numbers that are read as
 * quantities or dates (key figures, years, dates, page counts, amounts) are written in Khmer digits
 * (០១២៣៤៥៦៧៨៩), as Cambodian government and press texts do; codes that are copied rather than read
 * (ISBN, HS numbers, reference numbers, grades) keep the digits they were entered with.
 */
export const LOCALES = ['en', 'km'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);
export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'km' : 'en');

const en = {
  languageName: 'English',
  switchTo: 'ភាសាខ្មែរ',
  // The language switch's title (hint), in the page's language; its accessible name is switchTo.
  switchToLabel: 'Read this page in Khmer',
  skipToContent: 'Skip to content',
  mainMenu: 'Main menu',
  countriesMenu: 'Projects by country',
  home: 'Home',
  projects: 'Projects',
  allProjects: 'All projects',
  byStatus: 'By status',
  byCountry: 'List by country',
  countries: 'Countries',
  programmes: 'Programmes',
  themes: 'Themes',
  voices: 'Voices',
  photoGalleries: 'Photo & Art',
  publications: 'Publications',
  speeches: 'Speeches',
  vacancies: 'Vacancies',
  search: 'Search',
  searchLabel: 'Search the site',
  searchButton: 'Search',
  searchResultsFor: 'Results for',
  searchNoResults: 'Nothing matched your search.',
  searchCount: (n: string) => `${n} result(s)`,
  status: { planned: 'Planned', ongoing: 'Ongoing', completed: 'Completed' } as Record<string, string>,
  location: 'Location',
  years: 'Years',
  since: 'since',
  projectStatus: 'Status',
  background: 'Background',
  objectives: 'Objectives',
  results: 'Results',
  keyFigures: 'Key figures',
  totalCost: 'Total cost',
  partners: 'Partners',
  donors: 'Donors',
  programme: 'Programme',
  relatedPublications: 'Related publications',
  galleries: 'Photo galleries',
  qualifier: { exact: '', approx: 'about', 'more-than': 'more than' } as Record<string, string>,
  overview: 'Overview',
  noProjects: 'No projects to show.',
  nothingYet: 'Nothing published yet.',
  year: 'Year',
  pages: 'Pages',
  publisher: 'Publisher',
  isbn: 'ISBN',
  hsNumber: 'HS number',
  downloads: 'Downloads',
  download: 'Download',
  kind: 'Type',
  speaker: 'Speaker',
  event: 'Event',
  deliveredOn: 'Delivered on',
  openVacancies: 'Open vacancies',
  noOpenVacancies: 'There are no open vacancies at the moment.',
  closedVacancies: 'Closed vacancies',
  closesAt: 'Closing date',
  closed: 'Closed',
  postedOn: 'Posted on',
  dutyStation: 'Duty station',
  contractType: 'Contract type',
  grade: 'Grade',
  referenceNumber: 'Reference number',
  howToApply: 'How to apply',
  attachment: 'Vacancy notice',
  photographer: 'Photographer',
  takenOn: 'Taken on',
  credit: 'Credit',
  fallbackNotice: '',
  previewBanner: 'Preview: you are looking at a draft. Visitors do not see it.',
  exitPreview: 'Leave preview',
  breadcrumb: 'Breadcrumb',
  page: 'Page',
  previous: 'Previous',
  next: 'Next',
  contact: 'Contact',
  latestProjects: 'Latest projects',
  more: 'More',
};

type Dictionary = typeof en;

const km: Dictionary = {
  languageName: 'ភាសាខ្មែរ',
  switchTo: 'English',
  switchToLabel: 'អានទំព័រនេះជាភាសាអង់គ្លេស',
  skipToContent: 'រំលងទៅខ្លឹមសារ',
  mainMenu: 'ម៉ឺនុយមេ',
  countriesMenu: 'គម្រោងតាមប្រទេស',
  home: 'ទំព័រដើម',
  projects: 'គម្រោង',
  allProjects: 'គម្រោងទាំងអស់',
  byStatus: 'តាមស្ថានភាព',
  byCountry: 'បញ្ជីតាមប្រទេស',
  countries: 'ប្រទេស',
  programmes: 'កម្មវិធី',
  themes: 'ប្រធានបទ',
  voices: 'សំឡេង',
  photoGalleries: 'រូបថត និងសិល្បៈ',
  publications: 'ការបោះពុម្ពផ្សាយ',
  speeches: 'សុន្ទរកថា',
  vacancies: 'ឱកាសការងារ',
  search: 'ស្វែងរក',
  searchLabel: 'ស្វែងរកក្នុងគេហទំព័រ',
  searchButton: 'ស្វែងរក',
  searchResultsFor: 'លទ្ធផលសម្រាប់',
  searchNoResults: 'រកមិនឃើញលទ្ធផលទេ។',
  searchCount: (n: string) => `លទ្ធផល ${n}`,
  status: { planned: 'គ្រោងទុក', ongoing: 'កំពុងអនុវត្ត', completed: 'បានបញ្ចប់' },
  location: 'ទីតាំង',
  years: 'រយៈពេល',
  since: 'ចាប់ពី',
  projectStatus: 'ស្ថានភាព',
  background: 'សាវតា',
  objectives: 'គោលបំណង',
  results: 'លទ្ធផល',
  keyFigures: 'តួលេខសំខាន់ៗ',
  totalCost: 'ថវិកាសរុប',
  partners: 'ដៃគូ',
  donors: 'ម្ចាស់ជំនួយ',
  programme: 'កម្មវិធី',
  relatedPublications: 'ការបោះពុម្ពផ្សាយពាក់ព័ន្ធ',
  galleries: 'កម្រងរូបភាព',
  qualifier: { exact: '', approx: 'ប្រហែល', 'more-than': 'ជាង' },
  overview: 'ទិដ្ឋភាពទូទៅ',
  noProjects: 'មិនមានគម្រោងទេ។',
  nothingYet: 'មិនទាន់មានការផ្សាយនៅឡើយទេ។',
  year: 'ឆ្នាំ',
  pages: 'ចំនួនទំព័រ',
  publisher: 'អ្នកបោះពុម្ពផ្សាយ',
  isbn: 'ISBN',
  hsNumber: 'លេខ HS',
  downloads: 'ឯកសារទាញយក',
  download: 'ទាញយក',
  kind: 'ប្រភេទ',
  speaker: 'អ្នកថ្លែង',
  event: 'ព្រឹត្តិការណ៍',
  deliveredOn: 'ថ្លែងនៅ',
  openVacancies: 'ឱកាសការងារដែលកំពុងបើក',
  noOpenVacancies: 'មិនមានឱកាសការងារដែលកំពុងបើកនៅពេលនេះទេ។',
  closedVacancies: 'ឱកាសការងារដែលបានបិទ',
  closesAt: 'ថ្ងៃផុតកំណត់',
  closed: 'បានបិទ',
  postedOn: 'ថ្ងៃប្រកាស',
  dutyStation: 'ទីកន្លែងបំពេញការងារ',
  contractType: 'ប្រភេទកិច្ចសន្យា',
  grade: 'កម្រិត',
  referenceNumber: 'លេខយោង',
  howToApply: 'របៀបដាក់ពាក្យ',
  attachment: 'សេចក្តីជូនដំណឹងជ្រើសរើស',
  photographer: 'អ្នកថតរូប',
  takenOn: 'ថតនៅ',
  credit: 'ប្រភព',
  fallbackNotice: 'ទំព័រនេះមិនទាន់មានជាភាសាខ្មែរនៅឡើយទេ។ យើងបង្ហាញកំណែភាសាអង់គ្លេសជំនួសវិញ។',
  previewBanner: 'ការមើលជាមុន៖ អ្នកកំពុងមើលសេចក្តីព្រាង។ អ្នកទស្សនាមិនឃើញវាទេ។',
  exitPreview: 'ចាកចេញពីការមើលជាមុន',
  breadcrumb: 'ផ្លូវរុករក',
  page: 'ទំព័រ',
  previous: 'មុន',
  next: 'បន្ទាប់',
  contact: 'ទំនាក់ទំនង',
  latestProjects: 'គម្រោងថ្មីៗ',
  more: 'បន្ថែម',
};

const dictionaries: Record<Locale, Dictionary> = { en, km };
export const t = (locale: Locale): Dictionary => dictionaries[locale];

/** Interface words for a value of an enumeration the CMS sends (publication kinds, contract types). */
const ENUM_WORDS: Record<Locale, Record<string, string>> = {
  en: {
    report: 'Report', 'urban-profile': 'Urban profile', 'country-programme': 'Country programme', guideline: 'Guideline',
    evaluation: 'Evaluation', newsletter: 'Newsletter', 'photo-book': 'Photo book', brochure: 'Brochure',
    'fixed-term': 'Fixed term', temporary: 'Temporary', consultant: 'Consultant', 'individual-contractor': 'Individual contractor',
    internship: 'Internship', volunteer: 'Volunteer',
  },
  km: {
    report: 'របាយការណ៍', 'urban-profile': 'ទិដ្ឋភាពទីក្រុង', 'country-programme': 'កម្មវិធីប្រទេស', guideline: 'គោលការណ៍ណែនាំ',
    evaluation: 'ការវាយតម្លៃ', newsletter: 'ព្រឹត្តិបត្រ', 'photo-book': 'សៀវភៅរូបថត', brochure: 'ខិត្តប័ណ្ណ',
    'fixed-term': 'កិច្ចសន្យាមានកំណត់', temporary: 'បណ្តោះអាសន្ន', consultant: 'ទីប្រឹក្សា', 'individual-contractor': 'អ្នកម៉ៅការបុគ្គល',
    internship: 'កម្មសិក្សា', volunteer: 'ស្ម័គ្រចិត្ត',
  },
};
export const enumWord = (locale: Locale, value: string | null | undefined): string => (value ? ENUM_WORDS[locale][value] ?? value : '');

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en'),
  km: new Intl.NumberFormat('km-u-nu-khmr'),
};

/** A quantity, grouped, in the reader's digits: 31,000 in English, ៣១.០០០ in Khmer (CLDR's Khmer grouping). */
export const formatNumber = (locale: Locale, value: number): string => numberFormats[locale].format(value);

/** A year or any digits without grouping (2004 → ២០០៤). */
export const formatDigits = (locale: Locale, value: number | string): string =>
  locale === 'km' ? String(value).replace(/[0-9]/g, (d) => String.fromCharCode(0x17e0 + Number(d))) : String(value);

export const formatMoney = (locale: Locale, amount: number, currency: string): string =>
  locale === 'km'
    ? `${formatNumber(locale, amount)} ${currency === 'USD' ? 'ដុល្លារអាមេរិក' : currency}`
    : new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);

const KM_MONTHS = ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'];

/**
 * A calendar date ("2004-02-16", or an instant read in UTC): "16 February 2004" in English,
 * "ថ្ងៃទី១៦ ខែកុម្ភៈ ឆ្នាំ២០០៤" in Khmer (the long form of Khmer official and press texts).
 */
export const formatDate = (locale: Locale, value: string): string => {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  if (locale === 'en') {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return `ថ្ងៃទី${formatDigits('km', date.getUTCDate())} ខែ${KM_MONTHS[date.getUTCMonth()]} ឆ្នាំ${formatDigits('km', date.getUTCFullYear())}`;
};

/**
 * A deadline, to the minute, in UTC and said so (duty stations are in many time zones; UTC is the
 * one a reader anywhere can convert): "24 October 2015, 20:59 UTC" / "ថ្ងៃទី២៤ ខែតុលា ឆ្នាំ២០១៥ ម៉ោង ២០:៥៩ UTC".
 */
export const formatDeadline = (locale: Locale, value: string): string => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return locale === 'km' ? `${formatDate(locale, value)} ម៉ោង ${formatDigits('km', time)} UTC` : `${formatDate(locale, value)}, ${time} UTC`;
};
