import { normalise, normaliseWithMap, queryTerms } from '../../src/search/normalise';

describe('search normalisation (index and query only)', () => {
  it.each([
    ['coeng-ro typed before coeng-ta', 'ស្រ្តី', 'ស្ត្រី'],
    ['subscript DA written for subscript TA', 'ស្ដារ', 'ស្តារ'],
    ['e + ii for the vowel oe', '\u1780\u17C1\u17B8', '\u1780\u17BE'],
    ['e + aa for the vowel oo', '\u1780\u17C1\u17B6', '\u1780\u17C4'],
    ['shifter typed after the vowel', '\u1794\u17BB\u17CA', '\u1794\u17CA\u17BB'],
    ['zero-width space between words', 'ភាសា\u200bខ្មែរ', 'ភាសាខ្មែរ'],
    ['ZWNJ, ZWJ, word joiner, BOM, soft hyphen', 'ភា\u200cសា\u200dខ្\u2060មែ\uFEFFរ\u00AD', 'ភាសាខ្មែរ'],
    ['deprecated invisible vowels', 'ក\u17B4ខ\u17B5', 'កខ'],
    ['a space between Khmer words', 'ភាសា ខ្មែរ', 'ភាសាខ្មែរ'],
    ['Khmer digits', '២០០៤', '2004'],
    ['Latin case and accents', 'Café ÉCOLE', 'cafe ecole'],
  ])('makes equal: %s', (_name, a, b) => {
    expect(normalise(a)).toBe(normalise(b));
  });

  it('keeps Khmer combining marks (only Latin accents are stripped)', () => {
    expect(normalise('ខ្ញុំ')).toBe(' ខ្ញុំ ');
    expect(normalise('ក')).not.toBe(normalise('កា'));
  });

  it('separates words at punctuation and at a change of script', () => {
    expect(normalise('UN-Habitat ឆ្នាំ២០០៤។ Phnom-Penh')).toBe(' un habitat ឆ្នាំ 2004 phnom penh ');
  });

  it('maps each normalised character back to the original text', () => {
    const original = 'Ré\u200bsumé ស្រ្តី';
    const { text, sourceStart, sourceEnd } = normaliseWithMap(original);
    const at = text.indexOf('ស្ត្រី');
    expect(original.slice(sourceStart[at], sourceEnd[at + 'ស្ត្រី'.length - 1])).toBe('ស្រ្តី');
    expect(original.slice(sourceStart[1], sourceEnd[6])).toBe('Ré\u200bsumé');
  });

  it('turns a query into words: Khmer matched anywhere, others at a word start', () => {
    expect(queryTerms('  Slum  UPGRADING ភាព\u200bក្រីក្រ slum ')).toEqual([' slum', ' upgrading', 'ភាពក្រីក្រ']);
    expect(queryTerms('!!! ... ')).toEqual([]);
  });
});
