import { Head, Html, Main, NextScript } from 'next/document';

/** The static error page's document (pages/500.tsx): English first, the Khmer part says lang="km". */
export default function Document() {
  return (
    <Html lang="en">
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
