import type { Core, UID } from '@strapi/strapi';
import { rememberOldSlugs } from '../document-middlewares/previous-slugs';
import { reindexDocument } from '../search/indexer';
import type { Repair } from '../plugins/translations/server/src/shared-fields';
import { typeOfUid } from '../search/indexed-types';

type SharedFieldsService = { repair(): Promise<Repair[]>; describe(repair: Repair): string };

/**
 * Start-up check (and `npm run repair:shared-fields`): documents whose locales disagree on a
 * shared field, written before every path kept them in step (a REST update reached the other
 * locales' published versions but not their drafts), are repaired, with one log line each. A
 * slug that loses keeps answering as an old slug; repaired documents are reindexed for search.
 */
export const repairSplitSharedFields = async (strapi: Core.Strapi, log: (line: string) => void = (line) => strapi.log.warn(line)): Promise<Repair[]> => {
  const service = strapi.plugin('translations').service('shared-fields') as SharedFieldsService;
  const repairs = await service.repair();
  for (const repair of repairs) {
    log(`[shared-fields] ${service.describe(repair)}`);
    const oldSlugs = (repair.replaced.slug ?? []).filter((slug): slug is string => typeof slug === 'string');
    if (oldSlugs.length > 0) await rememberOldSlugs(strapi, repair.uid as UID.ContentType, repair.documentId, oldSlugs);
    const type = typeOfUid(repair.uid);
    if (type) await reindexDocument(strapi, type, repair.documentId);
  }
  return repairs;
};
