import { searchAnswer, searchQuery } from '../../../search/search-schema';

/**
 * Site search. Public without a permission of its own (auth: false): it only ever answers
 * published content of the types the Public role may `find` (src/search/public-types.ts).
 */
export default {
  routes: [{ method: 'GET', path: '/search', handler: 'search.find', config: { auth: false }, request: { query: searchQuery }, response: searchAnswer }],
};
