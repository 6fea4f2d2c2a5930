import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Blocks, blocksText } from '@/components/Blocks';
import { Crumbs, Facts, FallbackNotice } from '@/components/Parts';
import { getVoice } from '@/lib/content';
import { formatDate, t } from '@/lib/i18n';
import { readDoc, type DocParams } from '@/lib/params';
import { docHref } from '@/lib/paths';
import { documentMetadata } from '@/lib/seo';

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: DocParams): Promise<Metadata> {
  const { locale, slug } = await readDoc(params);
  const voice = await getVoice(locale, slug);
  if (!voice) return {};
  return documentMetadata(locale, `/voices/${slug}`, voice, voice.title, blocksText(voice.body));
}

export default async function VoicePage({ params }: DocParams) {
  const { locale, slug } = await readDoc(params);
  const voice = await getVoice(locale, slug);
  if (!voice) notFound();
  const words = t(locale);
  const contentLang = voice.locale !== locale ? voice.locale : undefined;
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.voices, path: '/voices' }, { label: voice.title, lang: contentLang }]} />
      <FallbackNotice locale={locale} entry={voice} />
      <article lang={contentLang}>
        <h1>{voice.title}</h1>
        {/* Inside a fallback's English article, the date is still written in the page's language. */}
        <Facts facts={[{ text: voice.dateline }, { text: voice.date && formatDate(locale, voice.date), lang: contentLang ? locale : undefined }]} />
        <Blocks blocks={voice.body} />
      </article>
      <p>
        {voice.country && (
          <a href={docHref(locale, 'country', voice.country.slug)} lang={voice.country.locale !== locale ? voice.country.locale : undefined}>
            {voice.country.name}
          </a>
        )}
        {voice.project && (
          <>
            {' · '}
            <a href={docHref(locale, 'project', voice.project.slug)} lang={voice.project.locale !== locale ? voice.project.locale : undefined}>
              {voice.project.title}
            </a>
          </>
        )}
      </p>
    </>
  );
}
