import { XLIFF_NS, elements, escapeAttribute, escapeText, parseXml, textOf, withoutNonXmlCharacters } from '../../src/plugins/translations/server/src/xliff/xml';

/** XML reading and writing of the XLIFF files (xliff/xml.ts). */
const inXliff = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="${XLIFF_NS}" version="1.2">${body}</xliff>`;

describe('writing: escaped text and attributes read back as they were', () => {
  it.each([
    ['markup characters', 'a < b & c > d'],
    ['quotes', 'the "Trust Fund" and \'KCAP\''],
    ['line breaks, tabs and a carriage return', 'line one\nline two\tand\r a return'],
    ['Khmer with a zero-width space', 'ភាសា\u200bខ្មែរ'],
  ])('%s', (_name, value) => {
    const root = parseXml(inXliff(`<note from="${escapeAttribute(value)}">${escapeText(value)}</note>`));
    const [note] = elements(root, 'note');
    expect(note.attributes.from).toBe(value);
    expect(textOf(note)).toBe(value);
  });

  it('drops the characters XML cannot carry, and counts them', () => {
    expect(withoutNonXmlCharacters('a\u0000b\u0008c\uFFFEd\uFFFF\te\n')).toEqual({ text: 'abcd\te\n', removed: 4 });
    expect(withoutNonXmlCharacters('nothing to drop')).toEqual({ text: 'nothing to drop', removed: 0 });
  });
});

describe('reading: one reading of a file, or a refusal that says why', () => {
  it('names elements of the XLIFF namespace by their local name, others with their namespace', () => {
    const root = parseXml(inXliff('<file><other xmlns="urn:x"/></file>'));
    expect(root.name).toBe('xliff');
    expect(elements(elements(root, 'file')[0]).map((element) => element.name)).toEqual(['{urn:x}other']);
  });

  it('keeps a prefixed attribute apart from the unprefixed one it could stand in for', () => {
    const root = parseXml(inXliff(`<file xmlns:x="${XLIFF_NS}" x:target-language="en" target-language="km" xml:lang="fr"/>`));
    const [file] = elements(root, 'file');
    expect(file.attributes['target-language']).toBe('km');
    expect(file.attributes[`{${XLIFF_NS}}target-language`]).toBe('en');
    expect(file.attributes['xml:lang']).toBe('fr');
  });

  it.each([
    ['malformed XML', inXliff('<file>'), /not well-formed XML/],
    ['a DTD (entities other tools would expand)', `<!DOCTYPE xliff [<!ENTITY km "km">]>${inXliff('')}`, /<!DOCTYPE>/],
    ['another encoding', `<?xml version="1.0" encoding="ISO-8859-1"?><xliff xmlns="${XLIFF_NS}"/>`, /encoding="ISO-8859-1"; save it as UTF-8/],
    ['nothing', '', /empty|not well-formed/],
  ])('refuses %s', (_name, xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });
});
