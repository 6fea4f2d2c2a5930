import { z } from '@strapi/utils';
import { STATES, STATUS_PAGE_SIZE } from './status';

/**
 * The translation status API (GET /api/translation-status, POST /api/translation-status/still-correct)
 * as route schemas: Strapi writes them into /api/openapi.json, from which tools generate typed
 * clients. They follow what status.ts accepts and answers.
 */

const state = z.enum(STATES);
const contentType = z.string().min(1).describe('A translated content type: its singular name (`project`) or uid (`api::project.project`)');
const locale = z.string().min(1).describe('A translation locale (any locale of the site but the default one), e.g. `km`');

export const statusQuery = {
  locale: locale.optional().describe('Only this translation locale (default: all)'),
  type: contentType.optional().describe('Only this content type (default: all translated types)'),
  status: z
    .union([state, z.array(state)])
    .optional()
    .describe('Only these states (several: repeat the parameter or separate by commas)'),
  pagination: z
    .object({
      page: z.int().min(1).optional().describe('Page number, from 1'),
      pageSize: z
        .int()
        .min(1)
        .max(STATUS_PAGE_SIZE.max)
        .optional()
        .describe(`Rows per page (default ${STATUS_PAGE_SIZE.default}; more than ${STATUS_PAGE_SIZE.max} is reduced to ${STATUS_PAGE_SIZE.max})`),
    })
    .optional(),
};

const statusRow = {
  contentType: z.string().describe('The uid, e.g. `api::project.project`'),
  documentId: z.string(),
  title: z.string().nullable().describe('The title of the source (default-locale) version'),
  locale: z.string().describe('The translation locale'),
  status: state.describe(
    'missing: no version in this locale; outdated: the source changed since the translation was saved (outdatedFields names the fields); draft-only: translated, never published; up-to-date: translated, published, source unchanged since'
  ),
  outdatedFields: z.array(z.string()),
};

const count = z.int().min(0);
const counts = z.object({ missing: count, 'draft-only': count, outdated: count, 'up-to-date': count, total: count });

export const statusAnswer = z.object({
  data: z.array(
    z.object({
      ...statusRow,
      pendingLinks: z
        .array(
          z.object({
            field: z.string().describe('The relation, e.g. `partners`'),
            documentId: z.string().describe('The linked document'),
            title: z.string().nullable().describe("The linked document's title (in the default locale)"),
          })
        )
        .describe('Links the other locales have whose target has no version in this locale yet: made as soon as it has one'),
      translatedAt: z.iso.datetime().nullable().describe('When the translation was last saved or confirmed'),
    })
  ),
  meta: z.object({
    pagination: z.object({ page: z.int().min(1), pageSize: z.int().min(1), pageCount: z.int().min(0), total: z.int().min(0) }),
    summary: z.record(z.string(), counts).describe('Counts per content type (uid) and state, over the filters but `status` and pagination'),
  }),
});

export const stillCorrectBody = z.object({
  data: z.object({ contentType, documentId: z.string().min(1), locale }),
});

export const stillCorrectAnswer = z.object({ data: z.object(statusRow) });
