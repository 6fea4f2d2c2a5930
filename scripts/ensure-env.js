// @ts-check
// Writes a local .env with fresh random secrets on first run, so nothing needs editing before the
// first start. Never overwrites a value that is already set; does nothing when the environment
// already provides every secret (production).
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

const ensureEnv = () => {
  if (Object.keys(secrets).every((name) => siteSecrets.has(name) || process.env[name])) return;

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

ensureEnv();
