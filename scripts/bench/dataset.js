// @ts-check
// Builds the benchmark's data set through the Document Service, on top of the demo content:
// projects, publications and photo galleries in English and Khmer. Skips what already exists.
'use strict';

/** @typedef {import('@strapi/strapi').Core.Strapi} Strapi */

const KHMER_WORDS = ['គម្រោង', 'សហគមន៍', 'ទីក្រុង', 'លំនៅឋាន', 'ការកែលម្អ', 'ភ្នំពេញ', 'ទឹកស្អាត', 'អនាម័យ'];
const ENGLISH_WORDS = ['Community', 'Housing', 'Upgrading', 'Water', 'Sanitation', 'Resilience', 'Recovery', 'Planning'];

/** @param {number} i @param {string[]} words */
const phrase = (i, words) => [0, 1, 2].map((k) => words[(i * 7 + k * 3) % words.length]).join(' ');
/** @param {string} text */
const paragraph = (text) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const pad = (/** @type {number} */ i) => String(i).padStart(4, '0');

/**
 * @param {Strapi} strapi
 * @param {{ projects: number, publications: number, galleries: number, vacancies: number, log: (line: string) => void, translated?: (i: number) => boolean }} size
 *   `translated(i)`: whether the i-th document of each type also gets its Khmer version (default: all)
 * @returns {Promise<{ documents: number, seconds: number }>} documents written (both locales counted) and time taken
 */
const buildDataset = async (strapi, { projects, publications, galleries, vacancies, log, translated = () => true }) => {
  const countries = await strapi.documents('api::country.country').findMany({ locale: 'en', fields: ['documentId'], limit: 100 });
  const images = await strapi.db.query('plugin::upload.file').findMany({ where: { mime: 'image/jpeg' }, select: ['id'] });
  if (!countries.length || !images.length) throw new Error('Load the demo content first (countries and images)');
  const pick = (/** @type {number} */ i) => countries[i % countries.length].documentId;
  const image = (/** @type {number} */ i) => images[i % images.length].id;

  let written = 0;
  const started = Date.now();

  /**
   * @param {string} uid @param {number} count @param {string} prefix
   * @param {(i: number, locale: string) => Record<string, unknown>} data
   */
  const fill = async (uid, count, prefix, data) => {
    const documents = strapi.documents(/** @type {any} */ (uid));
    const existing = await strapi.db.query(/** @type {any} */ (uid)).count({ where: { slug: { $startsWith: `${prefix}-` }, locale: 'en', publishedAt: { $notNull: true } } });
    for (let i = existing; i < count; i++) {
      const slug = `${prefix}-${pad(i)}`;
      const created = await documents.create({ locale: 'en', data: /** @type {any} */ ({ slug, ...data(i, 'en') }), status: 'published' });
      written += 1;
      if (translated(i)) {
        await documents.update({ documentId: created.documentId, locale: 'km', data: /** @type {any} */ ({ slug, ...data(i, 'km') }), status: 'published' });
        written += 1;
      }
      if ((i + 1) % 250 === 0 || i + 1 === count) {
        log(`  ${prefix}: ${i + 1}/${count} (${(written / ((Date.now() - started) / 1000)).toFixed(0)} documents/s)`);
      }
    }
  };

  const words = (/** @type {string} */ locale) => (locale === 'km' ? KHMER_WORDS : ENGLISH_WORDS);
  const related = (/** @type {number} */ i, /** @type {string} */ locale) => ({
    connect: [{ documentId: pick(i), locale }, { documentId: pick(i + 11), locale }],
  });

  await fill('api::project.project', projects, 'bench-project', (i, locale) => ({
    title: `${phrase(i, words(locale))} ${i}`,
    projectStatus: ['planned', 'ongoing', 'completed'][i % 3],
    startYear: 2000 + (i % 25),
    location: phrase(i + 1, words(locale)),
    summary: `${phrase(i + 2, words(locale))}. ${phrase(i + 3, words(locale))}.`,
    background: paragraph(phrase(i + 4, words(locale)).repeat(8)),
    countries: related(i, locale),
    cover: image(i),
    keyFigures: [{ value: 100 + i, qualifier: 'more-than', label: phrase(i + 5, words(locale)) }],
    totalCost: { amount: 100000 + i * 1000, currency: 'USD' },
  }));
  await fill('api::publication.publication', publications, 'bench-publication', (i, locale) => ({
    title: `${phrase(i + 6, words(locale))} report ${i}`,
    kind: 'report',
    year: 2000 + (i % 25),
    pages: 20 + (i % 200),
    summary: phrase(i + 7, words(locale)),
    cover: image(i + 1),
    countries: related(i + 3, locale),
  }));
  await fill('api::photo-gallery.photo-gallery', galleries, 'bench-gallery', (i, locale) => ({
    title: `${phrase(i + 8, words(locale))} gallery ${i}`,
    country: { connect: [{ documentId: pick(i), locale }] },
    cover: image(i),
    photos: [0, 1, 2, 3, 4, 5].map((k) => ({ image: image(i + k), caption: phrase(i + k, words(locale)), credit: 'UN-Habitat' })),
  }));
  const day = 24 * 3600 * 1000;
  await fill('api::vacancy.vacancy', vacancies, 'bench-vacancy', (i, locale) => ({
    title: `${phrase(i + 9, words(locale))} officer ${i}`,
    referenceNumber: `BENCH/${pad(i)}`,
    contractType: 'consultant',
    // Half of them still open a year after the data set was made.
    closesAt: new Date(Date.now() + (i % 2 ? 400 : -400) * day + i * 3600 * 1000).toISOString(),
    country: { connect: [{ documentId: pick(i), locale }] },
    description: paragraph(phrase(i + 10, words(locale)).repeat(5)),
  }));
  return { documents: written, seconds: (Date.now() - started) / 1000 };
};

module.exports = { buildDataset };
