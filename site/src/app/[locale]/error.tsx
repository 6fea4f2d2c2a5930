'use client';

import { useParams } from 'next/navigation';

/**
 * What a reader sees when a page cannot be rendered: in practice the CMS not answering (the site
 * has no other source). Pages rendered before keep being served from the cache meanwhile.
 */
const WORDS = {
  en: { title: 'The site is temporarily unavailable', text: 'Our content service is not answering right now. Please try again in a minute.', retry: 'Try again' },
  km: { title: 'គេហទំព័រមិនអាចប្រើបានបណ្តោះអាសន្ន', text: 'សេវាខ្លឹមសាររបស់យើងមិនឆ្លើយតបនៅពេលនេះទេ។ សូមព្យាយាមម្តងទៀតក្នុងរយៈពេលមួយនាទី។', retry: 'ព្យាយាមម្តងទៀត' },
};

export default function Unavailable({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const params = useParams<{ locale?: string }>();
  const words = params?.locale === 'km' ? WORDS.km : WORDS.en;
  return (
    <div role="alert" data-testid="unavailable">
      <h1>{words.title}</h1>
      <p>{words.text}</p>
      <button type="button" onClick={() => reset()}>
        {words.retry}
      </button>
    </div>
  );
}
