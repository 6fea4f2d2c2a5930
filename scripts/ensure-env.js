// @ts-check
// Outside production: writes a local .env with fresh random secrets on first run, so nothing needs
// editing before the first start. Never overwrites a value that is already set; does nothing when
// the environment already provides every secret.
// In production (NODE_ENV=production, in the environment or in .env): never writes anything, and
// refuses to start, naming them, while any secret is missing. A secret made up here would differ
// on every instance of a cluster, and sessions and tokens signed by one would fail on the others.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const envPath = path.join(root, '.env');
const examplePath = path.join(root, '.env.example');

const random = () => crypto.randomBytes(24).toString('base64');

/** @type {Record<string, () => string>} */
const secrets = {
  APP_KEYS: () => [random(), random(), random(), random()].join(','),
  API_TOKEN_SALT: random,
  ADMIN_JWT_SECRET: random,
  TRANSFER_TOKEN_SALT: random,
  JWT_SECRET: random,
  ENCRYPTION_KEY: random,
  // Shared by the CMS and the site (site/), which read the same .env. Filled when a .env is
  // written, but never a reason to write one (a production environment may run without the site).
  SITE_REVALIDATE_SECRET: random,
  PREVIEW_SECRET: random,
};
const siteSecrets = new Set(['SITE_REVALIDATE_SECRET', 'PREVIEW_SECRET']);

const LINE = /^\s*(?:export\s+)?([A-Za-z0-9_]+)\s*=\s*(.*?)\s*$/;

/** NAME=value pairs of .env as Strapi's dotenv reads them (quotes removed); empty values are absent. */
const readEnvFile = () => {
  /** @type {Record<string, string>} */
  const values = {};
  if (!fs.existsSync(envPath)) return values;
  for (const line of fs.readFileSync(envPath, 'utf8').split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const value = match[2].replace(/^(['"`])([\s\S]*)\1$/, '$2').trim();
    if (value) values[match[1]] = value;
  }
  return values;
};

const refuseWithoutSecrets = () => {
  const fromFile = readEnvFile();
  const missing = Object.keys(secrets).filter((name) => !siteSecrets.has(name) && !process.env[name] && !fromFile[name]);
  if (missing.length === 0) return;
  console.error(
    `Refusing to start in production: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set.\n` +
      'Set them in the environment (the same values on every instance; see .env.example and docs/deployment.md). ' +
      '.env is generated with random secrets only outside production.'
  );
  process.exit(1);
};

const writeMissingSecrets = () => {
  const existing = fs.existsSync(envPath);
  const source = fs.readFileSync(existing ? envPath : examplePath, 'utf8');
  const lines = source.split('\n');
  const filled = new Set();

  const out = lines.map((line) => {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!match || !(match[1] in secrets)) return line;
    filled.add(match[1]);
    return match[2].trim() ? line : `${match[1]}=${secrets[match[1]]()}`;
  });
  for (const name of Object.keys(secrets)) {
    if (!filled.has(name)) out.push(`${name}=${secrets[name]()}`);
  }

  const next = out.join('\n');
  if (next !== source || !existing) {
    fs.writeFileSync(envPath, next, { mode: 0o600 });
    console.log(existing ? 'Added missing secrets to .env' : 'Created .env with freshly generated secrets');
  }
};

const ensureEnv = () => {
  if (Object.keys(secrets).every((name) => siteSecrets.has(name) || process.env[name])) return;
  const nodeEnv = process.env.NODE_ENV || readEnvFile().NODE_ENV;
  if (nodeEnv === 'production') refuseWithoutSecrets();
  else writeMissingSecrets();
};

ensureEnv();
