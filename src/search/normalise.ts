/**
 * Search normalisation: what the index stores and what a query is compared with. Stored content is
 * never changed by it. The text is cut into units (a base character with the combining marks that
 * follow it: a whole Khmer orthographic cluster, or a Latin letter with its accents) and each unit is
 * normalised on its own, so that a position in the normalised text maps back to the original text
 * (`normaliseWithMap`), which is how snippets mark the matched passage.
 */

const INVISIBLE = /[\u00AD\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u17B4\u17B5]/;
const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;
/** Khmer signs that attach to the preceding base: vowels, coeng, shifters, diacritics. */
const KHMER_MARK = /[\u17B6-\u17D3\u17DD]/;
const COENG = '\u17D2';
const RO = '\u179A';
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Position of each kind of Khmer sign in a cluster, in the spirit of SIL khnormal. */
const markRank = (mark: string): number => {
  const code = mark.codePointAt(0) ?? 0;
  if (code === 0x17cc) return 0; // robat
  if (code === 0x17c9 || code === 0x17ca) return 2; // register shifters
  if (code >= 0x17b6 && code <= 0x17c5) return 3; // dependent vowels
  return 4; // nikahit, reahmuk, yuukaleapintu, other signs
};

/** Visually identical vowel spellings that must compare equal. */
const VOWEL_COMPOSITIONS: Array<[RegExp, string]> = [
  [/\u17C1\u17B8/g, '\u17BE'], // e + ii = oe
  [/\u17C1\u17B6/g, '\u17C4'], // e + aa = oo
];

/**
 * Reorders one Khmer cluster: subscripts (coeng + consonant) first, coeng-ro last among them
 * (so ស្ត្រី and ស្រ្តី are one spelling), subscript DA as subscript TA (they render alike),
 * then shifters, vowels and signs.
 */
const normaliseKhmerCluster = (cluster: string): string => {
  const chars = [...cluster];
  const base = chars[0];
  const subscripts: string[] = [];
  const marks: string[] = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i] === COENG && i + 1 < chars.length && !KHMER_MARK.test(chars[i + 1])) {
      subscripts.push(chars[i + 1] === '\u178A' ? '\u178F' : chars[i + 1]);
      i++;
    } else if (chars[i] !== COENG) {
      marks.push(chars[i]);
    }
  }
  subscripts.sort((a, b) => Number(a === RO) - Number(b === RO));
  const sortedMarks = marks
    .map((mark, index) => ({ mark, index }))
    .sort((a, b) => markRank(a.mark) - markRank(b.mark) || a.index - b.index)
    .map(({ mark }) => mark);
  let result = base + subscripts.map((consonant) => COENG + consonant).join('') + sortedMarks.join('');
  for (const [pattern, replacement] of VOWEL_COMPOSITIONS) result = result.replace(pattern, replacement);
  return result;
};

/** Latin and other scripts: case folded, accents removed (compatibility forms unfolded). */
const foldLatin = (unit: string): string =>
  unit
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

const khmerDigitsToAscii = (text: string): string =>
  text.replace(/[\u17E0-\u17E9]/g, (digit) => String((digit.codePointAt(0) ?? 0) - 0x17e0));

/** Splits text into units: a base character followed by its combining marks (invisibles dropped). */
const units = (text: string): Array<{ text: string; start: number; end: number }> => {
  const result: Array<{ text: string; start: number; end: number }> = [];
  let offset = 0;
  for (const char of text) {
    const start = offset;
    offset += char.length;
    if (INVISIBLE.test(char)) continue;
    const last = result[result.length - 1];
    const attaches =
      last !== undefined &&
      (KHMER.test(char) && KHMER.test(last.text[0])
        ? KHMER_MARK.test(char) || last.text.endsWith(COENG)
        : /\p{M}/u.test(char) && !KHMER.test(char) && !KHMER.test(last.text[0]));
    if (attaches) {
      last.text += char;
      last.end = offset;
    } else {
      result.push({ text: char, start, end: offset });
    }
  }
  return result;
};

export interface NormalisedText {
  /** Normalised text: words separated by single spaces, with a space at each end. */
  text: string;
  /** For each UTF-16 position of `text`, the [start, end) range of the original text it came from. */
  sourceStart: number[];
  sourceEnd: number[];
}

/**
 * Normalises text for the index or a query, keeping where each normalised character came from.
 * Separators (spaces, punctuation, symbols) become one space; a space also separates Khmer from
 * other scripts (so ឆ្នាំ២០០៤ gives the words ឆ្នាំ and 2004), while spaces between two Khmer
 * words are dropped, since Khmer is written without them and writers use them inconsistently.
 */
export const normaliseWithMap = (input: string): NormalisedText => {
  const out: NormalisedText = { text: ' ', sourceStart: [0], sourceEnd: [0] };
  const append = (piece: string, start: number, end: number) => {
    out.text += piece;
    for (let i = 0; i < piece.length; i++) {
      out.sourceStart.push(start);
      out.sourceEnd.push(end);
    }
  };
  let pendingSpace = false;
  let previousKhmer = false;
  for (const unit of units(input.normalize('NFC'))) {
    if (!WORD_CHAR.test(unit.text[0])) {
      pendingSpace = true;
      continue;
    }
    const khmer = KHMER.test(unit.text[0]);
    const piece = khmerDigitsToAscii(khmer ? normaliseKhmerCluster(unit.text) : foldLatin(unit.text));
    const isKhmerLetter = khmer && !/^[0-9]/.test(piece);
    if (piece === '') continue;
    const needsSpace = out.text.length > 1 && ((pendingSpace && !(previousKhmer && isKhmerLetter)) || previousKhmer !== isKhmerLetter);
    if (needsSpace && !out.text.endsWith(' ')) append(' ', unit.start, unit.start);
    append(piece, unit.start, unit.end);
    pendingSpace = false;
    previousKhmer = isKhmerLetter;
  }
  if (!out.text.endsWith(' ')) append(' ', input.length, input.length);
  return out;
};

export const normalise = (input: string): string => normaliseWithMap(input).text;

export const isKhmerTerm = (term: string): boolean => KHMER.test(term[0] ?? '');

/**
 * The words of a query, normalised. A Khmer word is matched anywhere (inside compounds); any other
 * word at the start of a word (prefix), which the leading space expresses.
 */
export const queryTerms = (query: string): string[] => {
  const words = normalise(query).trim().split(' ').filter(Boolean);
  return [...new Set(words)].map((word) => (isKhmerTerm(word) ? word : ` ${word}`));
};
