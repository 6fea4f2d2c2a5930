import { spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { appDir, type Server } from './server';

export const siteDir = path.join(appDir, 'site');

/** A port nobody listens on now (the site's address must be known before the CMS starts). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * Starts the built site (`npm run site:build`) as `npm run site:start` does, against the given CMS, with
 * an empty page cache: pages and data cached by an earlier run (another database) are removed.
 */
export const startSite = async (port: number, env: Record<string, string>): Promise<Server> => {
  const nextDir = path.join(siteDir, '.next');
  if (!fs.existsSync(path.join(nextDir, 'BUILD_ID'))) {
    throw new Error('No site build at site/.next: run `npm ci --prefix site` and `npm run site:build` before `npm run test:e2e`.');
  }
  // What `next start` wrote at run time: rendered pages (never made at build time, see the site's
  // layout) and fetched data.
  for (const locale of ['en', 'km']) {
    for (const suffix of ['', '.html', '.rsc', '.meta']) fs.rmSync(path.join(nextDir, 'server', 'app', `${locale}${suffix}`), { recursive: true, force: true });
  }
  fs.rmSync(path.join(nextDir, 'cache'), { recursive: true, force: true });

  // server.mjs is what `npm run site:start` runs: `next start`, plus 503 when the CMS is down.
  const child = spawn(process.execPath, [path.join(siteDir, 'server.mjs')], {
    cwd: siteDir,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOSTNAME: '127.0.0.1', STRAPI_MEDIA_URL: '', SITE_REVALIDATE_SECONDS: '300', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready on/.test(output)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the site exited with ${code} before it was ready:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};
