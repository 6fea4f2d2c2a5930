import zlib from 'zlib';

// Names that make a PDF act rather than show: run JavaScript, launch a program, play rich media.
const ACTIVE = new Set(['JavaScript', 'JS', 'Launch', 'RichMedia']);

// Any character of a name may be written `#xx` (`/J#53` is `/JS`).
const unescapeNames = (text: string): string => text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const NAME = /\/((?:[^\s()<>[\]{}/%#]|#[0-9A-Fa-f]{2})*)/g;

/**
 * One object's text without its literal strings (`(…)`, nested parentheses, `\` escapes): a title
 * reading "HTML/JavaScript" is text, not a name. One pass, so deep nesting costs no more than length.
 * Strings never span objects, so each object is read on its own: an unclosed `(` in one cannot hide
 * the next one's names.
 */
const withoutStrings = (object: string): string => {
  const kept: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < object.length; i++) {
    const code = object.charCodeAt(i);
    if (depth > 0 && code === 0x5c) i++;
    else if (code === 0x28) {
      if (depth === 0) kept.push(object.slice(start, i), ' ');
      depth++;
    } else if (code === 0x29 && depth > 0 && --depth === 0) start = i + 1;
  }
  if (depth === 0) kept.push(object.slice(start));
  return kept.join('');
};

const namesOf = (object: string): string[] => [...withoutStrings(object).matchAll(NAME)].map((match) => unescapeNames(match[1]));

const activeNames = (objects: string[], found: Set<string>): void => {
  for (const object of objects) for (const name of namesOf(object)) if (ACTIVE.has(name)) found.add(name);
};

// Object streams hold dictionaries, so they are small next to the file; this bounds a zip bomb.
const MAX_INFLATED = 64 * 1024 * 1024;

const inflate = (data: Buffer): string => {
  try {
    return zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED }).toString('latin1');
  } catch {
    return '';
  }
};

/** The objects of an object stream, cut where its header (pairs "number offset", then /First) says. */
const objectStreamObjects = (dictionary: string, data: string): string[] => {
  const first = Number(/\/First\s+(\d+)/.exec(unescapeNames(dictionary))?.[1]);
  const offsets = data
    .slice(0, first)
    .trim()
    .split(/\s+/)
    .filter((_, index) => index % 2 === 1)
    .map(Number)
    .sort((a, b) => a - b);
  if (!Number.isInteger(first) || offsets.some((offset) => !Number.isInteger(offset))) return [data];
  return [data.slice(0, first), ...offsets.map((offset, index) => data.slice(first + offset, first + (offsets[index + 1] ?? data.length)))];
};

/**
 * The active-content names (JavaScript, Launch…) in a PDF's dictionaries: in the file's own objects
 * and in its Flate-compressed object streams, where PDF 1.5+ writers put most dictionaries. Stream
 * data (page content, images) is skipped: it holds no dictionaries, and random bytes in an image
 * would now and then spell `/JS`. Script hidden behind encryption or another filter is not seen.
 */
export const activePdfContent = (pdf: Buffer): string[] => {
  const text = pdf.toString('latin1');
  const found = new Set<string>();
  const streamStart = /\bstream\r?\n/g;
  let outside = 0;
  for (let match = streamStart.exec(text); match; match = streamStart.exec(text)) {
    const objects = text.slice(outside, match.index).split(/\bendobj\b/);
    activeNames(objects, found);
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    const stop = end < 0 ? text.length : end;
    const dictionary = objects[objects.length - 1];
    if (namesOf(dictionary).includes('ObjStm')) {
      activeNames(objectStreamObjects(dictionary, inflate(pdf.subarray(start, stop))), found);
    }
    outside = stop;
    streamStart.lastIndex = stop;
  }
  activeNames(text.slice(outside).split(/\bendobj\b/), found);
  return [...found];
};
