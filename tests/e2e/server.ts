import { spawn } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';

export const appDir = path.resolve(__dirname, '..', '..');
/** Everything an end-to-end run writes: its database, uploads, screenshots, console logs. */
export const e2eDir = path.join(appDir, '.tmp', 'e2e');

export type Server = { url: string; stop: () => Promise<void> };

const adminBuild = path.join(appDir, 'dist', 'build', 'index.html');

/**
 * Starts the production server with the built admin panel (scripts/serve.js --admin) on a fresh
 * SQLite database of its own, with the demo content loaded as on a first start: no administrator
 * exists yet, so the first one registers in the browser.
 */
export const startServer = async (options: { dir?: string; env?: Record<string, string> } = {}): Promise<Server> => {
  const dataDir = options.dir ?? e2eDir;
  if (!fs.existsSync(adminBuild)) {
    throw new Error(`No admin panel build at ${path.relative(appDir, adminBuild)}: run \`npm run build\` before \`npm run test:e2e\`.`);
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(dataDir, `data.db${suffix}`), { force: true });
  fs.rmSync(path.join(dataDir, 'public'), { recursive: true, force: true });
  fs.mkdirSync(path.join(dataDir, 'public', 'uploads'), { recursive: true });

  const secret = () => crypto.randomBytes(16).toString('hex');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.relative(appDir, path.join(dataDir, 'data.db')),
    PUBLIC_DIR: path.relative(appDir, path.join(dataDir, 'public')),
    SEED_DEMO: 'true',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    // No site unless the test names one (site.e2e.ts): the admin panel then has no preview.
    SITE_URL: '',
    ...options.env,
  };
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [path.join(appDir, 'scripts', 'serve.js'), '--admin'], {
    cwd: appDir,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
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
