import { spawn } from 'child_process';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { appDir } from './environment';
import { contentSnapshot } from './snapshot';
import { startStrapi, stopStrapi } from './strapi';

/**
 * Runs the `strapi` command line (export, import…) in a child process on the compiled app, with
 * the test secrets and `env` pointing it at a database and a public folder. Rejects with the
 * end of its output when it fails.
 */
export const strapiCli = (args: string[], env: Record<string, string>): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), ...args], {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: 'test', SEED_DEMO: 'false', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`strapi ${args.join(' ')} exited with ${code}:\n${output.slice(-3000)}`))
    );
  });

/**
 * Adds to the demo content what a restore must also bring back and the seed does not make: a
 * document that only exists as drafts (in both locales, with a component, relations and media), an
 * unpublished edit of a published document, and a translation made outdated by an English change.
 */
export const addEditorialWork = async (app: Core.Strapi): Promise<void> => {
  const projects = app.documents('api::project.project');
  const [country] = await app.documents('api::country.country').findMany({ locale: 'en', status: 'published', limit: 1 });
  const [image] = (await app.db.query('plugin::upload.file').findMany({ where: { mime: 'image/jpeg' }, limit: 1 })) as Array<{ id: number }>;
  const draft = await projects.create({
    locale: 'en',
    data: {
      title: 'Embargoed: coastal resilience in Kampot',
      slug: 'embargoed-coastal-resilience-kampot',
      projectStatus: 'planned',
      countries: [country.documentId],
      keyFigures: [{ value: 1200, label: 'households', qualifier: 'approx' }],
      cover: image.id,
    },
  } as never);
  await projects.update({ documentId: draft.documentId, locale: 'km', data: { title: 'ការបង្ការឆ្នេរសមុទ្រនៅកំពត' } } as never);

  const [edited, outdated] = await projects.findMany({ locale: 'en', status: 'published', sort: 'slug:asc', limit: 2 });
  await projects.update({ documentId: edited.documentId, locale: 'en', data: { title: `${edited.title} (revised, not yet published)` } } as never);
  await projects.update({ documentId: outdated.documentId, locale: 'en', data: { summary: 'A new English summary.' }, status: 'published' } as never);
};

/** Boots the app on the database of `env` and returns its content snapshot. */
export const snapshotOf = async (env: Record<string, string>): Promise<Record<string, unknown>> => {
  const app = await startStrapi(env);
  try {
    return await contentSnapshot(app);
  } finally {
    await stopStrapi(app);
  }
};

/** Adds the editorial work to a copy of the test database and returns its content snapshot. */
export const snapshotAfterEditorialWork = async (env: Record<string, string>): Promise<Record<string, unknown>> => {
  const app = await startStrapi({ ...env, SEED_DEMO: 'false' });
  try {
    await addEditorialWork(app);
    return await contentSnapshot(app);
  } finally {
    await stopStrapi(app);
  }
};
