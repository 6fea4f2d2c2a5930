import request from 'supertest';
import type { Core } from '@strapi/strapi';

export const http = (app: Core.Strapi) => request(app.server.httpServer);

/** Every bad request must get a JSON error that says what was wrong, never a stack trace. */
export const expectJsonError = (res: request.Response, status: number, message?: RegExp): void => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.body.data).toBeNull();
  expect(res.body.error.status).toBe(status);
  expect(typeof res.body.error.message).toBe('string');
  if (message) expect(res.body.error.message).toMatch(message);
  expect(res.text).not.toMatch(/\bstack\b|\s+at .+\.(js|ts):\d+/);
};

export const KHMER = /[\u1780-\u17FF]/;

/** Route name → content type of every collection type of the contract. */
export const COLLECTION_ROUTES = {
  countries: 'api::country.country',
  projects: 'api::project.project',
  partners: 'api::partner.partner',
  programmes: 'api::programme.programme',
  themes: 'api::theme.theme',
  publications: 'api::publication.publication',
  speeches: 'api::speech.speech',
  vacancies: 'api::vacancy.vacancy',
  'photo-galleries': 'api::photo-gallery.photo-gallery',
  voices: 'api::voice.voice',
  pages: 'api::page.page',
} as const;

export type Route = keyof typeof COLLECTION_ROUTES;
export const ROUTES = Object.keys(COLLECTION_ROUTES) as Route[];
