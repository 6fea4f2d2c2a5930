import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Blocks, blocksText } from '@/components/Blocks';
import { Crumbs, FallbackNotice } from '@/components/Parts';
import { getSpeech } from '@/lib/content';
import { formatDate, t } from '@/lib/i18n';
import { readDoc, type DocParams } from '@/lib/params';
import { documentMetadata } from '@/lib/seo';

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: DocParams): Promise<Metadata> {
  const { locale, slug } = await readDoc(params);
  const speech = await getSpeech(locale, slug);
  if (!speech) return {};
  return documentMetadata(locale, `/speeches/${slug}`, speech, speech.title, blocksText(speech.body));
}

export default async function SpeechPage({ params }: DocParams) {
  const { locale, slug } = await readDoc(params);
  const speech = await getSpeech(locale, slug);
  if (!speech) notFound();
  const words = t(locale);
  const contentLang = speech.locale !== locale ? speech.locale : undefined;
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: words.speeches, path: '/speeches' }, { label: speech.title, lang: contentLang }]} />
      <FallbackNotice locale={locale} entry={speech} />
      <article>
        <h1 lang={contentLang}>{speech.title}</h1>
        <dl className="facts">
          {speech.speaker && (
            <>
              <dt>{words.speaker}</dt>
              <dd lang={contentLang}>
                {speech.speaker}
                {speech.speakerTitle && `, ${speech.speakerTitle}`}
              </dd>
            </>
          )}
          {speech.eventName && (
            <>
              <dt>{words.event}</dt>
              <dd lang={contentLang}>{[speech.eventName, speech.eventPlace].filter(Boolean).join(', ')}</dd>
            </>
          )}
          {speech.deliveredOn && (
            <>
              <dt>{words.deliveredOn}</dt>
              <dd>{formatDate(locale, speech.deliveredOn)}</dd>
            </>
          )}
        </dl>
        <div lang={contentLang}>
          <Blocks blocks={speech.body} />
        </div>
      </article>
    </>
  );
}
