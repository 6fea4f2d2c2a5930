'use client';

import { useParams } from 'next/navigation';

/** The 404 page, in the reader's language (the path's). */
const WORDS = {
  en: { title: 'Page not found', text: 'The page you asked for does not exist or is no longer published.', home: 'Go to the home page' },
  km: { title: 'រកមិនឃើញទំព័រ', text: 'ទំព័រដែលអ្នកស្នើសុំមិនមាន ឬលែងបានផ្សាយហើយ។', home: 'ទៅទំព័រដើម' },
};

export default function NotFound() {
  const params = useParams<{ locale?: string }>();
  const locale = params?.locale === 'km' ? 'km' : 'en';
  const words = WORDS[locale];
  return (
    <div data-testid="not-found">
      <h1>{words.title}</h1>
      <p>{words.text}</p>
      <p>
        <a href={`/${locale}`}>{words.home}</a>
      </p>
    </div>
  );
}
