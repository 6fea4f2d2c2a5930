// @ts-check
// `npm run docs:model`: writes docs/content-model.md from the content types
// (src/api/*/content-types/*/schema.json) and components (src/components/<category>/<name>.json),
// inside the hand-written text of scripts/content-model/template.md (the REST rules that hold for
// every type). CI runs it and fails when the committed file differs, so the document cannot drift
// from the schemas. Plain Node, no Strapi boot: the schemas are JSON.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const TEMPLATE = path.join(__dirname, 'template.md');
const OUTPUT = path.join(root, 'docs', 'content-model.md');
const API_PREFIX = '/api';

/**
 * @typedef {{ type: string, required?: boolean, unique?: boolean, private?: boolean, default?: unknown,
 *   enum?: string[], min?: number, max?: number, minLength?: number, maxLength?: number, regex?: string,
 *   targetField?: string, multiple?: boolean, allowedTypes?: string[], relation?: string, target?: string,
 *   inversedBy?: string, mappedBy?: string, component?: string, repeatable?: boolean, components?: string[],
 *   pluginOptions?: { i18n?: { localized?: boolean } } }} Attribute
 * @typedef {{ kind?: string, collectionName: string, info: { singularName?: string, pluralName?: string,
 *   displayName: string, description?: string }, options?: { draftAndPublish?: boolean },
 *   pluginOptions?: { i18n?: { localized?: boolean } }, attributes: Record<string, Attribute> }} Schema
 * @typedef {{ uid: string, schema: Schema }} Model
 */

/** @param {string} file @returns {Schema} */
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** @param {string} dir @returns {string[]} sorted entries, so that the output never depends on the file system's order */
const list = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

/** @returns {Model[]} */
const contentTypes = () =>
  list(path.join(root, 'src', 'api')).flatMap((api) => {
    const dir = path.join(root, 'src', 'api', api, 'content-types');
    return list(dir)
      .filter((name) => fs.existsSync(path.join(dir, name, 'schema.json')))
      .map((name) => ({ uid: `api::${api}.${name}`, schema: readJson(path.join(dir, name, 'schema.json')) }));
  });

/** @returns {Model[]} */
const components = () =>
  list(path.join(root, 'src', 'components')).flatMap((category) =>
    list(path.join(root, 'src', 'components', category))
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({
        uid: `${category}.${file.replace(/\.json$/, '')}`,
        schema: readJson(path.join(root, 'src', 'components', category, file)),
      }))
  );

/** @param {string} text */
const code = (text) => `\`${text}\``;
/** @param {string} uid  e.g. api::photo-gallery.photo-gallery → photo-gallery; shared.key-figure → shared-key-figure */
const anchor = (uid) => uid.replace(/^api::[^.]+\./, '').replace(/\./g, '-');
/** @param {string} uid @param {Model[]} types */
const typeLink = (uid, types) => {
  const target = types.find((type) => type.uid === uid);
  if (!target) return code(uid);
  return `[${target.schema.info.displayName}](#${anchor(uid)}) (${code(routeOf(target))})`;
};
/** @param {string} uid */
const componentLink = (uid) => `[${code(uid)}](#${anchor(uid)})`;

/** @param {Model} type */
const routeOf = (type) =>
  type.schema.kind === 'singleType' ? `${API_PREFIX}/${type.schema.info.singularName}` : `${API_PREFIX}/${type.schema.info.pluralName}`;

const RELATIONS = /** @type {Record<string, string>} */ ({
  oneToOne: 'one-to-one',
  oneToMany: 'one-to-many',
  manyToOne: 'many-to-one',
  manyToMany: 'many-to-many',
});

/** @param {Attribute} attribute */
const typeName = (attribute) => {
  if (attribute.type === 'component') return attribute.repeatable ? 'component, repeatable (list)' : 'component';
  if (attribute.type === 'media') return attribute.multiple ? 'media, several files' : 'media, one file';
  if (attribute.type === 'uid') return 'uid (slug)';
  if (attribute.type === 'relation') return `relation, ${RELATIONS[attribute.relation ?? ''] ?? attribute.relation}`;
  if (attribute.type === 'blocks') return 'blocks (rich text)';
  return attribute.type;
};

/** @param {Attribute} attribute @param {Model[]} types */
const details = (attribute, types) => {
  /** @type {string[]} */
  const parts = [];
  if (attribute.enum) parts.push(`one of ${attribute.enum.map(code).join(', ')}`);
  if (attribute.type === 'relation' && attribute.target) {
    parts.push(`→ ${typeLink(attribute.target, types)}`);
    if (attribute.inversedBy) parts.push(`other side: ${code(attribute.inversedBy)}`);
    if (attribute.mappedBy) parts.push(`other side of ${code(attribute.mappedBy)}`);
  }
  if (attribute.type === 'component' && attribute.component) parts.push(componentLink(attribute.component));
  if (attribute.type === 'dynamiczone' && attribute.components) {
    parts.push(`a list of any of ${attribute.components.map(componentLink).join(', ')}, each with \`__component\` naming it`);
  }
  if (attribute.type === 'media' && attribute.allowedTypes) parts.push(`${attribute.allowedTypes.join(', ')}`);
  if (attribute.type === 'uid' && attribute.targetField) parts.push(`made from ${code(attribute.targetField)}`);
  if (attribute.regex) parts.push(`pattern ${code(attribute.regex)}`);
  if (attribute.minLength !== undefined && attribute.minLength === attribute.maxLength) parts.push(`exactly ${attribute.minLength} characters`);
  else {
    if (attribute.minLength !== undefined) parts.push(`at least ${attribute.minLength} characters`);
    if (attribute.maxLength !== undefined) parts.push(`at most ${attribute.maxLength} characters`);
  }
  if (attribute.min !== undefined) parts.push(`at least ${attribute.min}`);
  if (attribute.max !== undefined) parts.push(`at most ${attribute.max}`);
  if (attribute.unique) parts.push('unique');
  if (attribute.default !== undefined) parts.push(`default ${code(typeof attribute.default === 'string' ? attribute.default : JSON.stringify(attribute.default))}`);
  if (attribute.private) parts.push('private: never in API answers');
  return parts.join('; ');
};

/**
 * Whether a field of a translated type is translated: localized (one value per locale) or shared
 * (one value for every locale). Relations between translated types are shared links (each
 * locale links the target's version in that locale; shared-relations.ts); every type here is
 * translated, so every relation is.
 * @param {Attribute} attribute
 */
const localeOf = (attribute) => {
  if (attribute.type === 'relation') return 'shared link';
  return attribute.pluginOptions?.i18n?.localized ? 'localized' : 'shared';
};

/** @param {string} text */
const cell = (text) => text.replace(/\|/g, '\\|');

/** @param {Record<string, Attribute>} attributes @param {Model[]} types @param {boolean} localized */
const fieldTable = (attributes, types, localized) => {
  const header = localized ? ['field', 'type', 'required', 'locales', 'details'] : ['field', 'type', 'required', 'details'];
  const rows = Object.entries(attributes).map(([name, attribute]) => [
    code(name),
    typeName(attribute),
    attribute.required ? 'yes' : 'no',
    ...(localized ? [localeOf(attribute)] : []),
    details(attribute, types),
  ]);
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
};

/** @param {Model} type @param {Model[]} types */
const typeSection = (type, types) => {
  const { schema } = type;
  const localized = schema.pluginOptions?.i18n?.localized === true;
  const route = routeOf(type);
  const routes =
    schema.kind === 'singleType'
      ? `${code(`GET ${route}`)} (the one entry)`
      : `${code(`GET ${route}`)} (list), ${code(`GET ${route}/{documentId}`)} (one document)`;
  return [
    `<a id="${anchor(type.uid)}"></a>`,
    `### ${schema.info.displayName}`,
    '',
    ...(schema.info.description ? [`${schema.info.description}.`, ''] : []),
    `API ID ${code(type.uid)}, ${schema.kind === 'singleType' ? 'single type' : 'collection type'}. ${routes}.`,
    `${localized ? 'Translated (one version per locale).' : 'Not translated.'} ${
      schema.options?.draftAndPublish ? 'Drafts and published versions; the public sees published ones only.' : 'No drafts.'
    }`,
    '',
    fieldTable(schema.attributes, types, localized),
  ].join('\n');
};

/** @param {Model} component @param {Model[]} types @param {Model[]} all */
const componentSection = (component, types, all) => {
  const usedBy = [...types, ...all]
    .flatMap((owner) =>
      Object.entries(owner.schema.attributes)
        .filter(([, a]) => a.component === component.uid || a.components?.includes(component.uid))
        .map(([name]) => `${code(name)} of ${owner.uid.startsWith('api::') ? `[${owner.schema.info.displayName}](#${anchor(owner.uid)})` : componentLink(owner.uid)}`)
    )
    .join(', ');
  return [
    `<a id="${anchor(component.uid)}"></a>`,
    `### ${code(component.uid)}: ${component.schema.info.displayName}`,
    '',
    usedBy ? `Used by ${usedBy}.` : 'Not used by any type.',
    '',
    fieldTable(component.schema.attributes, types, false),
  ].join('\n');
};

/** @param {Model[]} types */
const typeIndex = (types) =>
  [
    '| type | API ID | route | translated |',
    '|---|---|---|---|',
    ...types.map(
      (type) =>
        `| [${type.schema.info.displayName}](#${anchor(type.uid)}) | ${code(type.uid)} | ${code(routeOf(type))} | ${
          type.schema.pluginOptions?.i18n?.localized ? 'yes' : 'no'
        } |`
    ),
  ].join('\n');

const generate = () => {
  const types = contentTypes();
  const all = components();
  const template = fs.readFileSync(TEMPLATE, 'utf8');
  const parts = /** @type {Record<string, string>} */ ({
    TYPE_INDEX: typeIndex(types),
    TYPES: types.map((type) => typeSection(type, types)).join('\n\n'),
    COMPONENTS: all.map((component) => componentSection(component, types, all)).join('\n\n'),
  });
  const text = template.replace(/\{\{(\w+)\}\}/g, (whole, name) => {
    if (!(name in parts)) throw new Error(`template.md: unknown placeholder ${whole}`);
    return parts[name];
  });
  return text.endsWith('\n') ? text : `${text}\n`;
};

if (require.main === module) {
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, generate());
  console.log(`Wrote ${path.relative(root, OUTPUT)}`);
}

module.exports = { generate, OUTPUT };
