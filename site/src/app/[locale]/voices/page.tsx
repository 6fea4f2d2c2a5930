import type { Metadata } from 'next';
import { Crumbs } from '@/components/Parts';
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
          <li key={voice.documentId} lang={voice.locale !== locale ? voice.locale : undefined}>
            <h2>
              <a href={docHref(locale, 'voice', voice.slug)}>{voice.title}</a>
            </h2>
            <p className="meta">
              {[voice.dateline, voice.date && formatDate(locale, voice.date), voice.country?.name].filter(Boolean).join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
