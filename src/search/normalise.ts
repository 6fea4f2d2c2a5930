/**
 * Search normalisation: what the index stores and what a query is compared with. Stored content is
 * never changed by it. The text is cut into units (a base character with the combining marks that
 * follow it: a whole Khmer orthographic cluster, or a Latin letter with its accents) and each unit is
 * normalised on its own, so that a position in the normalised text maps back to the original text
 * (`normaliseWithMap`), which is how snippets mark the matched passage.
 */

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
  if (isCanonicalKhmerCluster(cluster)) return cluster;
  const chars = [...cluster];
  const base = chars[0];
  const subscripts: string[] = [];
  const marks: string[] = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i] === COENG && i + 1 < chars.length && !isKhmerMarkCode(chars[i + 1].charCodeAt(0))) {
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

/**
 * Most clusters are already as `normaliseKhmerCluster` would make them; telling so without building
 * anything keeps indexing and snippets fast. Any doubt answers false (the full path decides).
 */
const isCanonicalKhmerCluster = (cluster: string): boolean => {
  let afterSubscripts = false;
  let previousRank = -1;
  let roSeen = false;
  for (let i = 1; i < cluster.length; i++) {
    const code = cluster.charCodeAt(i);
    if (code === 0x17d2) {
      const next = cluster.charCodeAt(i + 1);
      // A subscript: must come before any mark, not be DA, and nothing may follow a subscript RO.
      if (afterSubscripts || roSeen || !(next >= 0x1780 && next <= 0x17b3) || next === 0x178a) return false;
      roSeen = next === 0x179a;
      i++;
      continue;
    }
    afterSubscripts = true;
    const rank = markRank(cluster[i]);
    if (rank < previousRank || (code === 0x17c1 && (cluster.charCodeAt(i + 1) === 0x17b8 || cluster.charCodeAt(i + 1) === 0x17b6))) return false;
    previousRank = rank;
  }
  return true;
};

/** Latin and other scripts: case folded, accents removed (compatibility forms unfolded). */
const foldLatin = (unit: string): string =>
  unit.length === 1 && unit.charCodeAt(0) < 0x80
    ? unit.toLowerCase()
    : unit
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase();

const KHMER_DIGIT = /[\u17E0-\u17E9]/g;
const khmerDigitsToAscii = (text: string): string => {
  // Most clusters hold no digit: looking costs less than replacing.
  let digit = false;
  for (let i = 0; i < text.length && !digit; i++) digit = text.charCodeAt(i) >= 0x17e0 && text.charCodeAt(i) <= 0x17e9;
  return digit ? text.replace(KHMER_DIGIT, (char) => String((char.codePointAt(0) ?? 0) - 0x17e0)) : text;
};

const isKhmerCode = (code: number): boolean => (code >= 0x1780 && code <= 0x17ff) || (code >= 0x19e0 && code <= 0x19ff);
const isInvisibleCode = (code: number): boolean =>
  code >= 0xad &&
  (code === 0xad || code === 0x34f || code === 0x180e || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff || code === 0x17b4 || code === 0x17b5);
/** Khmer signs that attach to the preceding base: vowels, coeng, shifters, diacritics. */
const isKhmerMarkCode = (code: number): boolean => (code >= 0x17b6 && code <= 0x17d3) || code === 0x17dd;
/** No combining mark is below U+0300: the regular expression is for the rest. */
const isMark = (char: string): boolean => char.charCodeAt(0) >= 0x300 && /\p{M}/u.test(char);
const isWordChar = (char: string): boolean => {
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return WORD_CHAR.test(char);
};

/** Splits text into units: a base character followed by its combining marks (invisibles dropped). */
const units = (text: string): Array<{ text: string; start: number; end: number }> => {
  const result: Array<{ text: string; start: number; end: number }> = [];
  let last: { text: string; start: number; end: number; khmer: boolean } | undefined;
  for (let offset = 0; offset < text.length; ) {
    const start = offset;
    const code = text.codePointAt(offset) as number;
    offset += code > 0xffff ? 2 : 1;
    if (isInvisibleCode(code)) continue;
    const char = text.slice(start, offset);
    const khmer = isKhmerCode(code);
    const attaches =
      last !== undefined &&
      (khmer && last.khmer ? isKhmerMarkCode(code) || last.text.endsWith(COENG) : !khmer && !last.khmer && isMark(char));
    if (attaches && last) {
      last.text += char;
      last.end = offset;
    } else {
      last = { text: char, start, end: offset, khmer };
      result.push(last);
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
    if (!isWordChar(unit.text[0])) {
      pendingSpace = true;
      continue;
    }
    const khmer = isKhmerCode(unit.text.charCodeAt(0));
    const piece = khmer ? khmerDigitsToAscii(normaliseKhmerCluster(unit.text)) : foldLatin(unit.text);
    const isKhmerLetter = khmer && !(piece.charCodeAt(0) >= 0x30 && piece.charCodeAt(0) <= 0x39);
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

export const isKhmerTerm = (term: string): boolean => isKhmerCode(term.charCodeAt(0));

/**
 * The words of a query, normalised. A Khmer word is matched anywhere (inside compounds); any other
 * word at the start of a word (prefix), which the leading space expresses.
 */
export const queryTerms = (query: string): string[] => {
  const words = normalise(query).trim().split(' ').filter(Boolean);
  return [...new Set(words)].map((word) => (isKhmerTerm(word) ? word : ` ${word}`));
};
