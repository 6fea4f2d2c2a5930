// @ts-check
'use strict';

/**
 * Strapi emits its entry events (webhooks) after a transaction commits, without waiting for them;
 * each reads the database. Resolves once they are done, so a script can close the connection.
 * @param {import('@strapi/strapi').Core.Strapi} app
 */
const databaseIdle = async (app) => {
  const pool = /** @type {any} */ (app.db.connection).client.pool;
  for (let quiet = 0, waited = 0; quiet < 3 && waited < 60000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    quiet = pool.numUsed() === 0 && pool.numPendingAcquires() === 0 ? quiet + 1 : 0;
  }
};

module.exports = { databaseIdle };
