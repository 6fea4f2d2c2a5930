import type { Metadata } from 'next';
import { Crumbs, Facts, langOf } from '@/components/Parts';
import { getVoices } from '@/lib/content';
import { formatDate, t } from '@/lib/i18n';
import { readLocale, type LocaleParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { listMetadata } from '@/lib/seo';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await readLocale(params);
  return listMetadata(locale, '/voices', t(locale).voices);
}

export default async function Voices({ params }: LocaleParams) {
  const locale = await readLocale(params);
  const words = t(locale);
  const voices = await getVoices(locale);
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.voices }]} />
      <h1>{words.voices}</h1>
      {voices.data.length === 0 && <p>{words.nothingYet}</p>}
      <ul className="cards">
        {voices.data.map((voice) => (
          // lang on the voice's own text only (a fallback's English): the date is in the page's language.
          <li key={voice.documentId}>
            <h2 lang={langOf(locale, voice)}>
              <a href={docHref(locale, 'voice', voice.slug)}>{voice.title}</a>
            </h2>
            <Facts
              facts={[
                { text: voice.dateline, lang: langOf(locale, voice) },
                { text: voice.date && formatDate(locale, voice.date) },
                { text: voice.country?.name, lang: langOf(locale, voice.country) },
              ]}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
