import zlib from 'zlib';

// Names that make a PDF act rather than show: run JavaScript, launch a program, play rich media.
const ACTIVE = new Set(['JavaScript', 'JS', 'Launch', 'RichMedia']);

// A PDF name: `/` and regular characters, any of which may be written `#xx` (`/J#53` is `/JS`).
const NAME = /\/((?:[^\s()<>[\]{}/%#]|#[0-9A-Fa-f]{2})*)/g;
// Literal strings, `(…)` with balanced parentheses and `\` escapes: text such as a title, not names.
const STRING = /\((?:[^()\\]|\\[\s\S])*\)/g;
const withoutStrings = (text: string): string => {
  let previous;
  let current = text;
  do {
    previous = current;
    current = current.replace(STRING, ' ');
  } while (current !== previous);
  return current;
};

const names = (text: string): string[] =>
  [...withoutStrings(text).matchAll(NAME)].map((match) => match[1].replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));

// Object streams hold dictionaries, so they are small next to the file; this bounds a zip bomb.
const MAX_INFLATED = 64 * 1024 * 1024;

const inflate = (data: Buffer): string => {
  try {
    return zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED }).toString('latin1');
  } catch {
    return '';
  }
};

/**
 * The active-content names (JavaScript, Launch…) in a PDF's dictionaries: in the file's own text
 * and in its Flate-compressed object streams, where PDF 1.5+ writers put most dictionaries. Stream
 * data (page content, images) is skipped: it holds no dictionaries, and random bytes in an image
 * would now and then spell `/JS`. Script hidden behind encryption or another filter is not seen.
 */
export const activePdfContent = (pdf: Buffer): string[] => {
  const text = pdf.toString('latin1');
  const found = new Set<string>();
  const note = (source: string) => names(source).forEach((name) => ACTIVE.has(name) && found.add(name));

  const streamStart = /\bstream\r?\n/g;
  let outside = 0;
  for (let match = streamStart.exec(text); match; match = streamStart.exec(text)) {
    const dictionary = text.slice(outside, match.index);
    note(dictionary);
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    const stop = end < 0 ? text.length : end;
    const ownDictionary = dictionary.slice(Math.max(0, dictionary.lastIndexOf(' obj')));
    if (names(ownDictionary).includes('ObjStm')) note(inflate(pdf.subarray(start, stop)));
    outside = stop;
    streamStart.lastIndex = stop;
  }
  note(text.slice(outside));
  return [...found];
};
