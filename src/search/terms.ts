import { isKhmerTerm } from './normalise';

/**
 * What the search index matches on: the index terms of each published version, in an inverted index
 * (an FTS5 table on SQLite, a GIN-indexed tsvector on PostgreSQL) that finds the matches without
 * reading any text. Matching by scanning text (pg_trgm's LIKE recheck, instr) costs time for every
 * candidate, which is what made common words slow.
 *
 * - A word in another script (English, digits) is one term: a query word matches as a prefix.
 * - A Khmer word (a run of Khmer: it is written without spaces) gives its trigrams in order, padded
 *   with two PAD characters so that every position starts one. A Khmer query word of three or more
 *   characters is the sequence of its trigrams: a phrase on SQLite (exact: FTS5 keeps positions);
 *   on PostgreSQL all of them (the trigrams may occur apart, so a longer word is then checked in the
 *   Khmer words of the row, `needsTextCheck`, `khmerBytes`). A shorter one is a prefix of trigrams.
 */
const PAD = '_';
/** PostgreSQL refuses lexemes over 2 KB; no query word is longer than this anyway. */
const MAX_WORD = 200;

const trigrams = (word: string): string[] => {
  const chars = [...word, PAD, PAD];
  return Array.from({ length: chars.length - 2 }, (_, i) => chars.slice(i, i + 3).join(''));
};

/** The index terms of one normalised text (words separated by spaces), in text order. */
export const indexTerms = (normalisedText: string): string[] =>
  normalisedText
    .split(' ')
    .filter((word) => word !== '')
    .flatMap((word) => (isKhmerTerm(word) ? trigrams(word) : [[...word].slice(0, MAX_WORD).join('')]));

const wordsOf = (normalisedText: string, khmer: boolean): string[] =>
  normalisedText.split(' ').filter((word) => word !== '' && isKhmerTerm(word) === khmer);

/**
 * The Khmer words of a normalised text (or one Khmer query word) in one byte per character, where
 * PostgreSQL checks and ranks Khmer query words. A normalised Khmer word holds only characters of
 * U+1780–U+17FF, which their low byte tells apart (0x80–0xFF, as `latin1` encodes them); words are
 * separated by a space. A third of their UTF-8 size: three times as many index rows fit a page, and
 * a search reads the row of every match.
 */
export const khmerBytes = (normalisedText: string): Buffer => Buffer.from(wordsOf(normalisedText, true).join(' '), 'latin1');

/** The other words of a normalised text, in normalised form (a space before each, and at the end). */
export const otherWords = (normalisedText: string): string => {
  const words = wordsOf(normalisedText, false);
  return words.length === 0 ? ' ' : ` ${words.join(' ')} `;
};

export type TermMatch =
  /** Some index term starts with this. */
  | { prefix: string }
  /** These index terms, one after the other. */
  | { sequence: string[] };

/** How a query word (from `queryTerms`: a Khmer word, or another word after a space) is looked up. */
export const termMatch = (queryTerm: string): TermMatch => {
  const word = queryTerm.trimStart();
  const chars = [...word];
  if (!isKhmerTerm(word)) return { prefix: chars.slice(0, MAX_WORD).join('') };
  if (chars.length < 3) return { prefix: word };
  return { sequence: trigrams(word).filter((trigram) => !trigram.includes(PAD)) };
};

/** On PostgreSQL, a Khmer query word longer than a trigram: its trigrams may occur apart. */
export const needsTextCheck = (queryTerm: string): boolean => isKhmerTerm(queryTerm) && [...queryTerm].length > 3;

/** One query word as an FTS5 expression (SQLite): terms contain no quotes. */
export const ftsExpression = (match: TermMatch): string => ('prefix' in match ? `"${match.prefix}"*` : `"${match.sequence.join(' ')}"`);

/** One query word as a tsquery (PostgreSQL). */
export const tsqueryExpression = (match: TermMatch): string =>
  'prefix' in match ? `'${match.prefix}':*` : [...new Set(match.sequence)].map((term) => `'${term}'`).join(' & ');

/** A tsvector literal: quoted lexemes, taken as they are (no parser, no stemming). */
export const tsvectorLiteral = (terms: string[]): string => [...new Set(terms)].map((term) => `'${term}'`).join(' ');
