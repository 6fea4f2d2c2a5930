import fs from 'fs';
import path from 'path';
import { snapshotAfterEditorialWork, snapshotOf, strapiCli } from '../helpers/backup';
import { copyOfTestDatabase, emptyPostgresDatabase, type ScratchDatabase } from '../helpers/databases';
import { appDir, testPublicDir } from '../helpers/environment';

// Moving house (docs/backups.md): the SQLite test database, with editorial work on top of the demo
// content, exported and imported into a fresh PostgreSQL database on the server of
// `npm run test:postgres` (DATABASE_HOST/PORT/USERNAME/PASSWORD), then compared.
const work = path.join(appDir, '.tmp', `move-${process.pid}`);
const databases: ScratchDatabase[] = [];

afterAll(async () => {
  for (const database of databases) await database.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('moving from SQLite to PostgreSQL', () => {
  it('brings every document, relation, component, media file and translation status across', async () => {
    expect(process.env.DATABASE_CLIENT ?? 'sqlite').toBe('sqlite');
    fs.mkdirSync(path.join(work, 'public', 'uploads'), { recursive: true });
    const source = await copyOfTestDatabase('move_source');
    databases.push(source);
    const before = await snapshotAfterEditorialWork(source.env);

    const archive = path.join(work, 'habitat-move');
    await strapiCli(['export', '--no-encrypt', '-f', archive], { ...source.env, PUBLIC_DIR: testPublicDir });
    const target = await emptyPostgresDatabase('moved');
    databases.push(target);
    const targetPublic = path.relative(appDir, path.join(work, 'public'));
    await strapiCli(['import', '--force', '-f', `${archive}.tar.gz`], { ...target.env, PUBLIC_DIR: targetPublic });

    expect(await snapshotOf({ ...target.env, PUBLIC_DIR: targetPublic })).toEqual(before);
  });
});
