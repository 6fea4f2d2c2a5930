import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/700.css';
import '../app/globals.css';
import type { AppProps } from 'next/app';

/** Only for the static error page (pages/500.tsx); every other page is in app/. */
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
