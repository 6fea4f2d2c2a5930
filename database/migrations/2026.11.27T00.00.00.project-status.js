// @ts-check
'use strict';

/**
 * A project's own status (planned, ongoing, completed) was the attribute `status`, in the column
 * `projects.status`; Strapi 5 reserves that name for draft/published, so it is now `projectStatus`,
 * in the column `projects.project_status`. Strapi runs this file once, before its schema sync,
 * which adds `project_status` and drops `status` (the column it no longer has an attribute for):
 * the values are copied first. What else names the attribute follows it: the admin roles' field
 * permissions (else editors could no longer read or change the field) and the content manager's
 * view of projects (an administrator's labels and layout).
 *
 * Idempotent: a new database (no table yet) and one already moved are left alone, and a value
 * already in `project_status` is never overwritten. SQLite and PostgreSQL alike (knex only).
 */

const TABLE = 'projects';
const OLD_COLUMN = 'status';
const NEW_COLUMN = 'project_status';
const UID = 'api::project.project';
const OLD_NAME = 'status';
const NEW_NAME = 'projectStatus';
const VIEW_KEY = `plugin_content_manager_configuration_content_types::${UID}`;

/** @typedef {import('knex').Knex} Knex */

/** JSON columns: text on SQLite, already parsed on PostgreSQL. */
const parse = (/** @type {unknown} */ value) => (typeof value === 'string' ? JSON.parse(value) : value);

const rename = (/** @type {string} */ name) => (name === OLD_NAME ? NEW_NAME : name);

/** @param {Knex} knex */
const copyValues = async (knex) => {
  if (!(await knex.schema.hasColumn(TABLE, NEW_COLUMN))) {
    // As Strapi's sync makes the column of an enumeration (varchar(255), nullable), so it keeps it.
    await knex.schema.alterTable(TABLE, (table) => {
      table.string(NEW_COLUMN);
    });
  }
  await knex(TABLE).whereNull(NEW_COLUMN).update({ [NEW_COLUMN]: knex.ref(OLD_COLUMN) });
};

/** @param {Knex} knex */
const renameInFieldPermissions = async (knex) => {
  if (!(await knex.schema.hasTable('admin_permissions'))) return;
  const rows = await knex('admin_permissions').select('id', 'properties').where({ subject: UID });
  for (const row of rows) {
    const properties = parse(row.properties);
    const fields = properties?.fields;
    if (!Array.isArray(fields) || !fields.includes(OLD_NAME)) continue;
    const renamed = { ...properties, fields: [...new Set(fields.map(rename))] };
    await knex('admin_permissions').where({ id: row.id }).update({ properties: JSON.stringify(renamed) });
  }
};

/** @param {Knex} knex */
const renameInAdminView = async (knex) => {
  if (!(await knex.schema.hasTable('strapi_core_store_settings'))) return;
  const row = await knex('strapi_core_store_settings').select('id', 'value').where({ key: VIEW_KEY }).first();
  const view = row && parse(row.value);
  if (!view?.metadatas?.[OLD_NAME] || view.metadatas[NEW_NAME]) return;
  const { [OLD_NAME]: metadata, ...metadatas } = view.metadatas;
  const renamed = {
    ...view,
    settings: { ...view.settings, mainField: rename(view.settings?.mainField), defaultSortBy: rename(view.settings?.defaultSortBy) },
    metadatas: { ...metadatas, [NEW_NAME]: metadata },
    layouts: {
      ...view.layouts,
      list: (view.layouts?.list ?? []).map(rename),
      edit: (view.layouts?.edit ?? []).map((/** @type {Array<{ name: string }>} */ fields) =>
        fields.map((field) => ({ ...field, name: rename(field.name) }))
      ),
    },
  };
  await knex('strapi_core_store_settings').where({ id: row.id }).update({ value: JSON.stringify(renamed) });
};

/** @param {Knex} knex */
const up = async (knex) => {
  if (!(await knex.schema.hasTable(TABLE)) || !(await knex.schema.hasColumn(TABLE, OLD_COLUMN))) return;
  await copyValues(knex);
  await renameInFieldPermissions(knex);
  await renameInAdminView(knex);
};

// Strapi (5.54) never runs `down`; going back means restoring a backup taken before the upgrade.
const down = async () => {};

module.exports = { up, down };
