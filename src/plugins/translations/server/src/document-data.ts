import type { Core } from '@strapi/strapi';
import { schemaOf } from './locales';

type Attribute = { type: string; component?: string };

const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([key]) => key !== 'id').map(([key, item]) => [key, withoutIds(item)]));
  }
  return value;
};

/** Media values as ids, as the Document Service takes them. */
const mediaToIds = (strapi: Core.Strapi, uid: string, value: unknown): unknown => {
  if (Array.isArray(value)) return value.map((item) => mediaToIds(strapi, uid, item));
  if (!value || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const attribute = schemaOf(strapi, uid).attributes[key] as Attribute | undefined;
    if (attribute?.type === 'media') result[key] = Array.isArray(item) ? item.map((file) => (file as { id: number }).id) : item ? (item as { id: number }).id : null;
    else if (attribute?.type === 'component' && attribute.component) result[key] = mediaToIds(strapi, attribute.component, item);
    else result[key] = item;
  }
  return result;
};

/**
 * Values as loaded by the Query Engine (with componentPopulate(…, { media: true })) → data for the Document Service:
 * no row ids, media as ids, dynamic zone items keep their __component.
 */
export const toDocumentData = (strapi: Core.Strapi, uid: string, values: Record<string, unknown>): Record<string, unknown> => {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const attribute = schemaOf(strapi, uid).attributes[name] as Attribute | undefined;
    if (attribute?.type === 'media') {
      result[name] = Array.isArray(value) ? value.map((file) => (file as { id: number }).id) : value ? (value as { id: number }).id : null;
    } else if (attribute?.type === 'component' && attribute.component) {
      result[name] = mediaToIds(strapi, attribute.component, withoutIds(value));
    } else if (attribute?.type === 'dynamiczone' && Array.isArray(value)) {
      result[name] = value.map((item) => {
        const component = (item as { __component: string }).__component;
        return { ...(mediaToIds(strapi, component, withoutIds(item)) as Record<string, unknown>), __component: component };
      });
    } else {
      result[name] = value === undefined ? value : JSON.parse(JSON.stringify(value));
    }
  }
  return result;
};
