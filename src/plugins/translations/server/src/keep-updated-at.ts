import type { Core, UID } from '@strapi/strapi';

/**
 * Runs a Query Engine write of one row and puts its updatedAt back. A published version that
 * follows a change published in another locale (a shared field, a link) must not look newer than
 * its own draft: the content manager shows a draft as modified, and lets it be published, only
 * while the draft is newer than the published version.
 */
export const keepUpdatedAt = async (strapi: Core.Strapi, uid: string, id: number, write: () => Promise<unknown>): Promise<void> => {
  const { tableName, attributes } = strapi.db.metadata.get(uid as UID.Schema) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
  const column = attributes.updatedAt?.columnName ?? 'updated_at';
  await strapi.db.transaction(async ({ trx }) => {
    const [row] = (await trx(tableName).select(column).where({ id })) as Array<Record<string, unknown>>;
    await write();
    if (row) await trx(tableName).where({ id }).update({ [column]: row[column] });
  });
};
