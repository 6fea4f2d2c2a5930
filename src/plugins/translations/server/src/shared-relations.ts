import type { Core, Modules, UID } from '@strapi/strapi';
import { defaultLocale, hasDraftAndPublish, isLocalizedApiType, localizedApiTypes, schemaOf } from './locales';
import { keepUpdatedAt } from './keep-updated-at';
import { statusWhere } from './shared-fields';
import { titleField } from './source';

/**
 * Shared relations: a relation between two translated types (a project's countries, partners,
 * programme, publications…) is a fact about the document, not about a language. The rule, in one
 * place, with the same shape as the shared fields' (shared-fields.ts):
 *  - A change to a relation in any locale (connect, disconnect, reorder; content manager, REST, our
 *    own code) is applied at once to the same relation of every other locale's draft, pointing at
 *    the target document's version in that locale.
 *  - A publish in any locale applies what the publish changed in that locale's published links to
 *    every other locale's published version.
 *  - Discarding one locale's draft keeps the draft's links (they are the document's, not the locale's).
 *  - A target that has no version in a locale yet cannot be linked there (a Khmer page would link
 *    an English one): the link is *pending* in that locale. It is never dropped: the other locales
 *    keep it, the side panel and the translation status list it, and it is made as soon as the
 *    target gets its version in that locale: in the drafts at once, in a published version when that
 *    locale is next published (publishing another locale does not add it there).
 *
 * Changes are applied as changes (what was connected, what disconnected, the new order), not by
 * copying one locale's list over the others: a locale's list lacks its pending links, and copying
 * it would drop them everywhere.
 *
 * Why our own: Strapi 5 keeps relations per locale (strapi/strapi#10322).
 */

type Attribute = { type: string; relation?: string; target?: string; writable?: boolean; visible?: boolean };
type Status = 'draft' | 'published';
/** Per relation, the target documentIds in their order. */
type Links = Record<string, string[]>;
type Version = { id: number; locale: string; links: Links };

/** The relations of a type that every locale shares: those to translated types. */
export const sharedRelations = (strapi: Core.Strapi, uid: string): string[] =>
  Object.entries(schemaOf(strapi, uid).attributes as Record<string, Attribute>)
    .filter(([name, attribute]) => attribute.type === 'relation' && name !== 'localizations' && attribute.writable !== false && attribute.visible !== false)
    .filter(([, attribute]) => !attribute.relation?.startsWith('morph') && attribute.target !== undefined && isLocalizedApiType(strapi, attribute.target))
    .map(([name]) => name);

const targetOf = (strapi: Core.Strapi, uid: string, relation: string): string =>
  (schemaOf(strapi, uid).attributes as Record<string, Attribute>)[relation].target!;

const linksOf = (row: Record<string, unknown>, relations: string[]): Links =>
  Object.fromEntries(
    relations.map((name) => {
      const value = row[name];
      const targets = (Array.isArray(value) ? value : value ? [value] : []) as Array<{ documentId: string }>;
      // A link to both versions of a target (draft and published) is one link.
      return [name, [...new Set(targets.map((target) => target.documentId))]];
    })
  );

/** The versions of one status of a document (all its locales, or one), with their links. */
const loadVersions = async (strapi: Core.Strapi, uid: string, documentId: string, status: Status, relations: string[], locale?: string): Promise<Version[]> => {
  const rows: Array<Record<string, unknown> & { id: number; locale: string }> = await strapi.db.query(uid as UID.Schema).findMany({
    select: ['id', 'locale'],
    where: { documentId, ...(locale ? { locale } : {}), ...statusWhere(strapi, uid, status) },
    populate: Object.fromEntries(relations.map((name) => [name, { select: ['documentId'] }])),
  });
  return rows.map((row) => ({ id: row.id, locale: row.locale, links: linksOf(row, relations) }));
};

/** Of these target documents, those that have a version of that status in the locale (a published link needs a published target). */
const presentIn = async (strapi: Core.Strapi, target: string, documentIds: string[], locale: string, status: Status = 'draft'): Promise<Set<string>> => {
  if (documentIds.length === 0) return new Set();
  const rows: Array<{ documentId: string }> = await strapi.db
    .query(target as UID.Schema)
    .findMany({ select: ['documentId'], where: { documentId: { $in: documentIds }, locale, ...statusWhere(strapi, target, status) } });
  return new Set(rows.map((row) => row.documentId));
};

/**
 * One locale's links after a change made in another: what was disconnected there goes, what was
 * connected comes (where the target has a version here) after the link it follows there, and the
 * links both have take the order of the locale changed; a link only this locale has keeps its place.
 */
export const applyChange = (current: string[], before: string[], after: string[], available: Set<string>): string[] => {
  const kept = current.filter((id) => !(before.includes(id) && !after.includes(id)));
  const reordered = after.filter((id) => kept.includes(id));
  let next = 0;
  const links = kept.map((id) => (after.includes(id) ? reordered[next++] : id));
  after.forEach((id, index) => {
    if (links.includes(id) || before.includes(id) || !available.has(id)) return;
    const previous = after.slice(0, index).reverse().find((candidate) => links.includes(candidate));
    links.splice(previous === undefined ? 0 : links.indexOf(previous) + 1, 0, id);
  });
  return links;
};

/** A relation that holds one link (manyToOne, oneToOne): a change sets it, a pending target empties it. */
export const holdsOne = (strapi: Core.Strapi, uid: string, relation: string): boolean =>
  ['manyToOne', 'oneToOne'].includes((schemaOf(strapi, uid).attributes as Record<string, Attribute>)[relation].relation ?? '');

type TransformData = (data: Record<string, unknown>, options: { uid: string; status: Status; locale: string; allowMissingId: boolean }) => Promise<Record<string, unknown>>;

/**
 * Sets some relations of one version, through the Query Engine (no Document Service middleware
 * runs twice). A published version keeps its updatedAt (keepUpdatedAt).
 */
const writeLinks = async (strapi: Core.Strapi, uid: string, version: Version, links: Links, status: Status): Promise<void> => {
  const transformData = (strapi.documents as unknown as { utils: { transformData: TransformData } }).utils.transformData;
  const data = Object.fromEntries(Object.entries(links).map(([name, ids]) => [name, { set: ids.map((documentId) => ({ documentId, locale: version.locale })) }]));
  const transformed = await transformData(data, { uid, status, locale: version.locale, allowMissingId: true });
  const write = () => strapi.db.query(uid as UID.Schema).update({ where: { id: version.id }, data: transformed });
  await (status === 'published' && hasDraftAndPublish(strapi, uid) ? keepUpdatedAt(strapi, uid, version.id, write) : write());
};

/** Applies the change one version went through (`before` → `after`) to the other locales' versions of that status. */
const spread = async (strapi: Core.Strapi, uid: string, documentId: string, status: Status, locale: string, before: Links, after: Links): Promise<void> => {
  const changed = Object.keys(after).filter((name) => JSON.stringify(before[name] ?? []) !== JSON.stringify(after[name]));
  if (changed.length === 0) return;
  for (const version of await loadVersions(strapi, uid, documentId, status, changed)) {
    if (version.locale === locale) continue;
    const links: Links = {};
    for (const name of changed) {
      const available = await presentIn(strapi, targetOf(strapi, uid, name), after[name], version.locale, status);
      const next = holdsOne(strapi, uid, name) ? after[name].filter((id) => available.has(id)) : applyChange(version.links[name], before[name] ?? [], after[name], available);
      if (JSON.stringify(next) !== JSON.stringify(version.links[name])) links[name] = next;
    }
    if (Object.keys(links).length > 0) await writeLinks(strapi, uid, version, links, status);
  }
};

/**
 * A target document got a version in a new locale: the links pending there are made, in the drafts
 * of every document that links the target in another locale.
 */
const resolvePending = async (strapi: Core.Strapi, target: string, documentId: string, locale: string): Promise<void> => {
  const source = await defaultLocale(strapi);
  for (const uid of localizedApiTypes(strapi)) {
    for (const relation of sharedRelations(strapi, uid).filter((name) => targetOf(strapi, uid, name) === target)) {
      const linking: Array<{ documentId: string }> = await strapi.db.query(uid as UID.Schema).findMany({
        select: ['documentId'],
        where: { [relation]: { documentId }, locale: { $ne: locale }, ...statusWhere(strapi, uid, 'draft') },
      });
      for (const linker of [...new Set(linking.map((row) => row.documentId))]) {
        const versions = await loadVersions(strapi, uid, linker, 'draft', [relation]);
        const here = versions.find((version) => version.locale === locale);
        if (!here || here.links[relation].includes(documentId)) continue;
        // In the order of the locale that has it: the default one if it does.
        const reference = [...versions].sort((a, b) => Number(b.locale === source) - Number(a.locale === source)).find((version) => version.links[relation].includes(documentId))!;
        const next = holdsOne(strapi, uid, relation) ? [documentId] : applyChange(here.links[relation], reference.links[relation].filter((id) => id !== documentId), reference.links[relation], new Set([documentId]));
        await writeLinks(strapi, uid, here, { [relation]: next }, 'draft');
      }
    }
  }
};

type Params = { documentId?: string; locale?: unknown; status?: unknown; data?: Record<string, unknown> };
const WRITES = new Set(['update', 'publish', 'discardDraft']);

/** The documentIds a relation's value connects and disconnects; null for a value that is not (only) that (a list, a `set`). */
export const linkChange = (value: unknown): { connect: string[]; disconnect: string[] } | null => {
  if (value === undefined) return { connect: [], disconnect: [] };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { connect = [], disconnect = [], ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !Array.isArray(connect) || !Array.isArray(disconnect)) return null;
  const ids = (items: unknown[]) => items.map((item) => (typeof item === 'string' ? item : (item as { documentId?: unknown } | null)?.documentId));
  const [connected, disconnected] = [ids(connect), ids(disconnect)];
  if ([...connected, ...disconnected].some((id) => typeof id !== 'string')) return null;
  return { connect: connected as string[], disconnect: disconnected as string[] };
};

/** Whether a relation's value in a write changes anything (the content manager sends `{ connect: [], disconnect: [] }` for every relation). */
export const changesLinks = (value: unknown): boolean => {
  if (value === undefined) return false;
  const change = linkChange(value);
  return change === null || change.connect.length > 0 || change.disconnect.length > 0;
};

/**
 * The rule on every Document Service write (see the top of this file), in the write's transaction:
 * a spread that fails undoes the write. Registered after the shared fields' middleware.
 */
export const sharedRelationsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!WRITES.has(context.action) || !isLocalizedApiType(strapi, context.uid)) return next();
    const uid = context.uid;
    const params = context.params as Params;
    // i18n's own middleware (which runs before) gives a write without a locale the default one.
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : null;
    const { documentId } = params;
    const relations = sharedRelations(strapi, uid);
    // Also for a type without shared relations of its own: a new version of it may be a pending link's target.
    if (!documentId || !locale) return next();
    const dp = hasDraftAndPublish(strapi, uid);
    const draftStatus: Status = dp ? 'draft' : 'published';
    const touched =
      context.action === 'update' ? relations.filter((name) => changesLinks(params.data?.[name])) : context.action === 'discardDraft' ? relations : [];
    const publishes = dp && (context.action === 'publish' || (context.action === 'update' && params.status === 'published'));

    return strapi.db.transaction(async () => {
      const existed = (await strapi.db.query(uid as UID.Schema).findOne({ select: ['id'], where: { documentId, locale } })) !== null;
      const [draftBefore] = touched.length > 0 && existed ? await loadVersions(strapi, uid, documentId, draftStatus, touched, locale) : [];
      const [publishedBefore] = publishes && existed ? await loadVersions(strapi, uid, documentId, 'published', relations, locale) : [];
      const result = await next();

      if (!existed) {
        // A new version: its links came with it (new-locale.ts); it may be the target others were waiting for.
        if (context.action === 'update') await resolvePending(strapi, uid, documentId, locale);
        return result;
      }
      if (context.action === 'discardDraft') {
        const [draft] = await loadVersions(strapi, uid, documentId, 'draft', relations, locale);
        if (draft && draftBefore) {
          const restore = Object.fromEntries(relations.filter((name) => JSON.stringify(draft.links[name]) !== JSON.stringify(draftBefore.links[name])).map((name) => [name, draftBefore.links[name]]));
          if (Object.keys(restore).length > 0) await writeLinks(strapi, uid, draft, restore, 'draft');
        }
        return result;
      }
      if (draftBefore) {
        const [draftAfter] = await loadVersions(strapi, uid, documentId, draftStatus, touched, locale);
        if (draftAfter) await spread(strapi, uid, documentId, draftStatus, locale, draftBefore.links, draftAfter.links);
      }
      // A locale's first publish changes no other locale's links: they publish their own.
      if (publishedBefore) {
        const [publishedAfter] = await loadVersions(strapi, uid, documentId, 'published', relations, locale);
        if (publishedAfter) await spread(strapi, uid, documentId, 'published', locale, publishedBefore.links, publishedAfter.links);
      }
      return result;
    });
  };

/** A link one locale of a document is waiting for: the target has no version in that locale yet. */
export type PendingLink = { field: string; documentId: string; title: string | null };

/**
 * The pending links of one locale of a document: targets linked in the document's other locales'
 * drafts that have no version in this locale.
 */
export const pendingLinks = async (strapi: Core.Strapi, uid: string, documentId: string, locale: string): Promise<PendingLink[]> => {
  const relations = sharedRelations(strapi, uid);
  if (relations.length === 0) return [];
  const versions = await loadVersions(strapi, uid, documentId, hasDraftAndPublish(strapi, uid) ? 'draft' : 'published', relations);
  const source = await defaultLocale(strapi);
  const pending: PendingLink[] = [];
  for (const name of relations) {
    const elsewhere = [...new Set(versions.filter((version) => version.locale !== locale).flatMap((version) => version.links[name]))];
    const here = versions.find((version) => version.locale === locale)?.links[name] ?? [];
    const target = targetOf(strapi, uid, name);
    const candidates = elsewhere.filter((id) => !here.includes(id));
    const present = await presentIn(strapi, target, candidates, locale);
    const missing = candidates.filter((id) => !present.has(id));
    if (missing.length === 0) continue;
    const title = titleField(strapi, target);
    const rows: Array<Record<string, unknown>> = await strapi.db
      .query(target as UID.Schema)
      .findMany({ select: ['documentId', 'locale', ...(title ? [title] : [])], where: { documentId: { $in: missing } } });
    for (const id of missing) {
      const row = rows.find((candidate) => candidate.documentId === id && candidate.locale === source) ?? rows.find((candidate) => candidate.documentId === id);
      pending.push({ field: name, documentId: id, title: title && row ? String(row[title] ?? '') : null });
    }
  }
  return pending;
};

/** One document whose locales disagree on a shared relation (beyond pending links). */
export type RelationDrift = { uid: string; documentId: string; title: string | null; locale: string; status: Status; field: string; expected: string[]; actual: string[] };

/**
 * The documents whose locales disagree on a shared relation (drafts among drafts, published versions
 * among published ones), against the default locale's version: a link there that another locale lacks although the target has a version in it, a link
 * only the other locale has (to a target that has a default-locale version), or another order.
 * With `repair`, each is set to the default locale's links (mapped to its locale), keeping the
 * links to targets the default locale cannot have.
 */
export const sharedRelationDrift = async (strapi: Core.Strapi, { repair = false }: { repair?: boolean } = {}): Promise<RelationDrift[]> => {
  const source = await defaultLocale(strapi);
  const drift: RelationDrift[] = [];
  for (const uid of localizedApiTypes(strapi)) {
    const relations = sharedRelations(strapi, uid);
    if (relations.length === 0) continue;
    const statuses: Status[] = hasDraftAndPublish(strapi, uid) ? ['draft', 'published'] : ['published'];
    const table = (strapi.getModel(uid as UID.Schema) as { collectionName: string }).collectionName;
    const multi: Array<{ document_id: string }> = await strapi.db.connection(table).select('document_id').groupBy('document_id').havingRaw('count(distinct locale) > 1');
    const title = titleField(strapi, uid);
    for (const { document_id: documentId } of multi) for (const status of statuses) {
      const versions = await loadVersions(strapi, uid, documentId, status, relations);
      const reference = versions.find((version) => version.locale === source);
      if (!reference) continue;
      for (const version of versions.filter((candidate) => candidate !== reference)) {
        const fixes: Links = {};
        for (const name of relations) {
          const target = targetOf(strapi, uid, name);
          const inLocale = await presentIn(strapi, target, reference.links[name], version.locale, status);
          const inSource = await presentIn(strapi, target, version.links[name], source, status);
          const expected = [...reference.links[name].filter((id) => inLocale.has(id)), ...version.links[name].filter((id) => !inSource.has(id))];
          if (JSON.stringify(expected) === JSON.stringify(version.links[name])) continue;
          const [row] = title ? await strapi.db.query(uid as UID.Schema).findMany({ select: [title], where: { documentId, locale: source }, limit: 1 }) : [];
          drift.push({ uid, documentId, title: row ? String(row[title!] ?? '') : null, locale: version.locale, status, field: name, expected, actual: version.links[name] });
          fixes[name] = expected;
        }
        if (repair && Object.keys(fixes).length > 0) await strapi.db.transaction(() => writeLinks(strapi, uid, version, fixes, status));
      }
    }
  }
  return drift;
};

/** One line per drifting relation. */
export const describeDrift = (drift: RelationDrift): string =>
  `${drift.uid} ${drift.documentId}${drift.title ? ` "${drift.title}"` : ''}: ${drift.field} of the ${drift.locale} ${drift.status} version is [${drift.actual.join(', ')}], the default locale's gives [${drift.expected.join(', ')}]`;
