import crypto from 'crypto';
import type { Segment } from '../texts';

/**
 * What the translation memory stores and compares: pairs of a source text and its translation,
 * at two levels. Field level: each text segment (a title, a paragraph, a list item, a caption)
 * with the segment at the same place in the translation. Sentence level: when a segment and its
 * translation have the same number of sentences, each sentence with its counterpart.
 */

export type Pair = { path: string; sourceText: string; targetText: string };

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Compared texts: NFC, no invisible characters, lower case, single spaces. */
export const normalise = (text: string): string => text.normalize('NFC').replace(INVISIBLE, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The key of exact matches. */
export const keyOf = (text: string): string => crypto.createHash('sha256').update(normalise(text)).digest('hex').slice(0, 40);

/** Words (runs of letters and digits, any script) of a normalised text. */
export const wordsOf = (text: string): string[] => normalise(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/** Sentences: after . ! ? and the Khmer khan ។ and bariyoosan ៕, before a space. */
export const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?\u17D4\u17D5])\s+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');

export const pairsOf = (source: Segment[], target: Segment[]): Pair[] => {
  const translated = new Map(target.map((segment) => [segment.path, segment.text]));
  const pairs: Pair[] = [];
  for (const segment of source) {
    const targetText = translated.get(segment.path);
    // A text left as it is in the source (a name, a number, a copy not yet translated) teaches nothing.
    if (!targetText || normalise(targetText) === normalise(segment.text)) continue;
    pairs.push({ path: segment.path, sourceText: segment.text, targetText });
    const sourceSentences = sentences(segment.text);
    const targetSentences = sentences(targetText);
    if (sourceSentences.length > 1 && sourceSentences.length === targetSentences.length) {
      sourceSentences.forEach((sentence, index) => pairs.push({ path: `${segment.path}#${index}`, sourceText: sentence, targetText: targetSentences[index] }));
    }
  }
  return pairs;
};

/**
 * Similarity of two texts from their words, 0–100: 100 minus the word edit distance in percent
 * of the longer text. Identical normalised texts are 100.
 */
export const similarity = (a: string[], b: string[]): number => {
  if (a.length === 0 && b.length === 0) return 100;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return Math.round(100 * (1 - previous[b.length] / Math.max(a.length, b.length)));
};
