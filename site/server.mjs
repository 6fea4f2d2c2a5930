// The site's production server (`npm run site:start`): Next.js's own request handler, plus one
// thing `next start` cannot do: a page that could not be rendered because the CMS is down answers
// 503 with Retry-After (a temporary condition for browsers, proxies and crawlers), not 500.
// Pages already rendered are served from the cache as usual and never reach that point.
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';
const dir = path.dirname(fileURLToPath(import.meta.url));

// src/lib/cms.ts records when the CMS last failed to answer; the render runs in this process.
const CMS_DOWN_WINDOW_MS = 30_000;
const cmsRecentlyDown = () => {
  const at = globalThis.__habitatCmsDownAt;
  return typeof at === 'number' && Date.now() - at < CMS_DOWN_WINDOW_MS;
};

const app = next({ dev: false, dir, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

createServer((req, res) => {
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    if (statusCode === 500 && cmsRecentlyDown()) {
      statusCode = 503;
      this.setHeader('Retry-After', '30');
      this.setHeader('Cache-Control', 'no-store');
    }
    return writeHead.call(this, statusCode, ...rest);
  };
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`Ready on http://${hostname}:${port}`);
});
