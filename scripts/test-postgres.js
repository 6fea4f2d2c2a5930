// @ts-check
// `npm run test:postgres`: runs the whole test suite on PostgreSQL, in a fresh database that is
// created for the run and dropped after it. Connection: DATABASE_HOST/PORT/USERNAME/PASSWORD
// (default postgres@127.0.0.1:5432, as on the CI machine).
'use strict';

const { spawnSync } = require('child_process');
const { Client } = require('pg');

const server = {
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || undefined,
};

/** @param {string} sql */
const admin = async (sql) => {
  const client = new Client({ ...server, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const main = async () => {
  const database = `habitat_test_${Date.now()}_${process.pid}`;
  await admin(`CREATE DATABASE ${database}`);
  console.log(`Created PostgreSQL database ${database}`);
  let status = 1;
  try {
    const auth = server.password ? `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}` : encodeURIComponent(server.user);
    const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--runInBand', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: `postgres://${auth}@${server.host}:${server.port}/${database}`,
      },
    });
    status = result.status ?? 1;
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    console.log(`Dropped PostgreSQL database ${database}`);
  }
  process.exit(status);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
