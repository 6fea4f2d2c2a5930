import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Blocks, blocksText, type Block } from '@/components/Blocks';
import { CmsImage, Crumbs, FallbackNotice } from '@/components/Parts';
import { getPage } from '@/lib/content';
import { mediaUrl } from '@/lib/cms';
import { formatNumber, t, type Locale } from '@/lib/i18n';
import { readDoc, type DocParams } from '@/lib/params';
import { documentMetadata } from '@/lib/seo';
import type { Media, PageSection } from '@/lib/types';

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: DocParams): Promise<Metadata> {
  const { locale, slug } = await readDoc(params);
  const page = await getPage(locale, slug);
  if (!page) return {};
  return documentMetadata(locale, `/${slug}`, page, page.title, blocksText(page.body));
}

/**
 * One entry of a page's dynamic zone. `uiLang` is set when the article is a fallback (lang="en" on
 * a Khmer page): the interface words and digits it adds are in the page's language, not the article's.
 */
function Section({ locale, section, uiLang }: { locale: Locale; section: PageSection; uiLang?: string }) {
  const words = t(locale);
  switch (section.__component) {
    case 'shared.rich-text':
      return <Blocks blocks={section.body as Block[]} />;
    case 'shared.quote':
      return (
        <figure>
          <blockquote>{section.text as string}</blockquote>
          {section.person ? <figcaption>{[section.person, section.role].filter(Boolean).join(', ')}</figcaption> : null}
        </figure>
      );
    case 'shared.key-figure':
      return (
        <p className="figures">
          <span className="value" lang={uiLang}>
            {formatNumber(locale, section.value as number)}
          </span> {section.label as string}
        </p>
      );
    case 'shared.file-download': {
      const file = section.file as Media | null;
      return file ? (
        <p>
          <a href={mediaUrl(file.url)} download>
            <span lang={uiLang}>{words.download}:</span> {(section.label as string) ?? file.name}
          </a>
        </p>
      ) : null;
    }
    case 'media.photo':
      return (
        <figure>
          <CmsImage media={section.image as Media | null} alt={section.altText as string | null} size="large" />
          {section.caption ? <figcaption>{section.caption as string}</figcaption> : null}
        </figure>
      );
    default:
      return null;
  }
}

export default async function CmsPage({ params }: DocParams) {
  const { locale, slug } = await readDoc(params);
  const page = await getPage(locale, slug);
  if (!page) notFound();
  const contentLang = page.locale !== locale ? page.locale : undefined;
  return (
    <>
      <Crumbs locale={locale} trail={[{ label: page.title, lang: contentLang }]} />
      <FallbackNotice locale={locale} entry={page} />
      <article lang={contentLang}>
        <h1>{page.title}</h1>
        <Blocks blocks={page.body} />
        {(page.sections ?? []).map((section) => (
          <Section key={`${section.__component}-${section.id}`} locale={locale} section={section} uiLang={contentLang ? locale : undefined} />
        ))}
      </article>
    </>
  );
}
