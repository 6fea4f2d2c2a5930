import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { appDir } from '../helpers/environment';

const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

/**
 * A throwaway copy of the project's scripts/ensure-env.js and .env.example, so that the run
 * writes (or does not write) the copy's .env, never the checkout's.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

const project = (dotEnv?: string) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'habitat-ensure-env-'));
  roots.push(root);
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.copyFileSync(path.join(appDir, 'scripts', 'ensure-env.js'), path.join(root, 'scripts', 'ensure-env.js'));
  fs.copyFileSync(path.join(appDir, '.env.example'), path.join(root, '.env.example'));
  if (dotEnv !== undefined) fs.writeFileSync(path.join(root, '.env'), dotEnv);
  const envFile = path.join(root, '.env');
  return {
    run: (env: Record<string, string>) => {
      const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SECRETS.includes(name) && name !== 'NODE_ENV'));
      return spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-env.js')], { env: { ...clean, ...env }, encoding: 'utf8' });
    },
    dotEnv: () => (fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : undefined),
  };
};

const allSecrets = Object.fromEntries(SECRETS.map((name) => [name, `value-of-${name}`]));
const lines = (values: Record<string, string>) => Object.entries(values).map(([name, value]) => `${name}=${value}`).join('\n') + '\n';

describe('scripts/ensure-env.js (run by npm run start, develop, seed, xliff…)', () => {
  it('in production with no secret anywhere: refuses, names every missing variable, writes no .env', () => {
    const copy = project();
    const result = copy.run({ NODE_ENV: 'production' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Refusing to start in production');
    for (const name of SECRETS) expect(result.stderr).toContain(name);
    expect(copy.dotEnv()).toBeUndefined();
  });

  it('in production with one secret missing from .env and the environment: names only that one, leaves .env as it was', () => {
    const { JWT_SECRET: _missing, ADMIN_JWT_SECRET, ...inFile } = allSecrets;
    const original = lines({ ...inFile, JWT_SECRET: '' });
    const copy = project(original);
    const result = copy.run({ NODE_ENV: 'production', ADMIN_JWT_SECRET });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/: JWT_SECRET is not set/);
    for (const name of SECRETS.filter((secret) => secret !== 'JWT_SECRET')) expect(result.stderr).not.toContain(name);
    expect(copy.dotEnv()).toBe(original);
  });

  it('NODE_ENV=production written in .env counts too', () => {
    const original = 'NODE_ENV=production\nAPP_KEYS=\n';
    const copy = project(original);
    const result = copy.run({});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('APP_KEYS');
    expect(copy.dotEnv()).toBe(original);
  });

  it('in production with every secret set (environment, .env, quoted or not): starts and writes nothing', () => {
    const fromEnvironment = project();
    expect(fromEnvironment.run({ NODE_ENV: 'production', ...allSecrets }).status).toBe(0);
    expect(fromEnvironment.dotEnv()).toBeUndefined();

    const original = Object.entries(allSecrets).map(([name, value], index) => `${name}=${index % 2 ? `"${value}"` : value}`).join('\n') + '\n';
    const fromFile = project(original);
    const result = fromFile.run({ NODE_ENV: 'production' });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(fromFile.dotEnv()).toBe(original);
  });

  it('outside production, a first run still writes .env with fresh random secrets, and a second run keeps them', () => {
    const copy = project();
    const first = copy.run({ NODE_ENV: 'development' });
    expect(first.status).toBe(0);
    const written = copy.dotEnv()!;
    for (const name of SECRETS) expect(written).toMatch(new RegExp(`^${name}=\\S{20,}`, 'm'));
    expect(copy.run({}).status).toBe(0);
    expect(copy.dotEnv()).toBe(written);
  });
});
