import Head from 'next/head';

/**
 * What Next.js serves when a page cannot be rendered at all, e.g. a page not yet in the cache while
 * the CMS is down (server.mjs then answers 503 with Retry-After). Static, so it cannot know the
 * reader's language: it says it in both.
 */
export default function Unavailable() {
  return (
    <>
      <Head>
        <title>Temporarily unavailable · មិនអាចប្រើបានបណ្តោះអាសន្ន</title>
        <meta name="robots" content="noindex" />
      </Head>
      <main data-testid="unavailable" style={{ maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem', color: '#1b1f24' }}>
        <section lang="en">
          <h1>The site is temporarily unavailable</h1>
          <p>Our content service is not answering right now. Please try again in a minute.</p>
        </section>
        <section lang="km">
          <h2>គេហទំព័រមិនអាចប្រើបានបណ្តោះអាសន្ន</h2>
          <p>សេវាខ្លឹមសាររបស់យើងមិនឆ្លើយតបនៅពេលនេះទេ។ សូមព្យាយាមម្តងទៀតក្នុងរយៈពេលមួយនាទី។</p>
        </section>
        <p>
          <a href="/en">English</a> · <a href="/km" lang="km">ភាសាខ្មែរ</a>
        </p>
      </main>
    </>
  );
}
