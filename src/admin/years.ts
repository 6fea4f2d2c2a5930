/**
 * The content manager's list view formats every integer with thousands separators, so a year
 * reads "2,004". Columns of integer fields that hold years (bounded between 1000 and 9999 in
 * their schema, as startYear, endYear, year and engagementSince are) are shown as written.
 * Content-manager hook `Admin/CM/pages/ListView/inject-column-in-table`.
 */

type Header = { name: string; attribute?: { type?: string; min?: number; max?: number }; cellFormatter?: unknown };
type Args = { displayedHeaders: Header[]; layout: unknown };

export const isYearAttribute = (attribute: Header['attribute']): boolean =>
  attribute?.type === 'integer' && typeof attribute.min === 'number' && typeof attribute.max === 'number' && attribute.min >= 1000 && attribute.max <= 9999;

export const plainYears = ({ displayedHeaders, ...rest }: Args): Args => ({
  ...rest,
  displayedHeaders: displayedHeaders.map((header) =>
    isYearAttribute(header.attribute)
      ? { ...header, cellFormatter: (data: Record<string, unknown>) => (data[header.name] == null ? '-' : String(data[header.name])) }
      : header
  ),
});
