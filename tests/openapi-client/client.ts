/**
 * A small typed client, as a frontend would write one: every path, parameter and answer type comes
 * from `generated/content-api.d.ts`, which openapi-typescript makes from the served /api/openapi.json
 * (`npx openapi-typescript http://localhost:1337/api/openapi.json -o generated/content-api.d.ts`).
 * No cast, no hand-written answer type: a change to the API that breaks a caller fails to type-check.
 */
import type { components, paths } from './generated/content-api';

type Json = 'application/json';
type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type PostPath = { [P in keyof paths]: paths[P] extends { post: object } ? P : never }[keyof paths];
type Get<P extends GetPath> = paths[P]['get'];
type Post<P extends PostPath> = paths[P]['post'];

export type QueryOf<P extends GetPath> = Get<P> extends { parameters: { query?: infer Q } } ? Q : never;
export type AnswerOf<O> = O extends { responses: { 200: { content: Record<Json, infer A> } } } ? A : never;
export type BodyOf<P extends PostPath> = Post<P> extends { requestBody?: { content: Record<Json, infer B> } } ? B : never;
export type ApiError = components['schemas']['Error'];

/** Either the documented 200 answer, or the documented error body. */
export type Result<A> = { ok: true; data: A } | { ok: false; status: number; error: ApiError['error'] };

/** Query parameters as Strapi reads them: `pagination[page]=2`, a list as repeated parameters. */
const queryString = (query: unknown): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(typeof query === 'object' && query !== null ? query : {}) as Array<[string, unknown]>) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
};

export const createClient = (baseUrl: string, options: { token?: string; fetch?: typeof fetch } = {}) => {
  const send = async <A>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<Result<A>> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await (options.fetch ?? fetch)(`${baseUrl}/api${url}`, init);
    const json: unknown = await response.json();
    if (response.ok) return { ok: true, data: json as A };
    return { ok: false, status: response.status, error: (json as ApiError).error };
  };
  return {
    get: <P extends GetPath>(path: P, query: QueryOf<P>) => send<AnswerOf<Get<P>>>('GET', `${path}${queryString(query)}`),
    post: <P extends PostPath>(path: P, body: BodyOf<P>) => send<AnswerOf<Post<P>>>('POST', path, body),
  };
};
