import type { Core } from '@strapi/strapi';

const CHECK_TIMEOUT_MS = 3000;

/** Whether the database answers a trivial query within a few seconds. */
export const databaseReachable = async (strapi: Core.Strapi): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([strapi.db.connection.raw('select 1').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
};
