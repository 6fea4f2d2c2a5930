import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { snapshotAfterEditorialWork, snapshotOf } from '../helpers/backup';
import { copyOfTestDatabase, emptyPostgresDatabase, type ScratchDatabase } from '../helpers/databases';
import { appDir, testPublicDir } from '../helpers/environment';

// The primary PostgreSQL backup of docs/backups.md: pg_dump (custom format), pg_restore into a
// fresh database, every version, relation, component, media link and translation status compared.
const work = path.join(appDir, '.tmp', `pg-dump-${process.pid}`);
const databases: ScratchDatabase[] = [];

afterAll(async () => {
  for (const database of databases) await database.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('pg_dump and pg_restore', () => {
  it('restore into a fresh database exactly what was dumped', async () => {
    fs.mkdirSync(work, { recursive: true });
    const source = await copyOfTestDatabase('pg_dump_source');
    databases.push(source);
    const before = await snapshotAfterEditorialWork(source.env);

    const dump = path.join(work, 'habitat.dump');
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, source.url!]);
    const target = await emptyPostgresDatabase('pg_restore_target');
    databases.push(target);
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, dump]);

    expect(await snapshotOf({ ...target.env, PUBLIC_DIR: testPublicDir })).toEqual(before);
  });
});
