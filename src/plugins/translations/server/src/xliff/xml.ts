import { SaxesParser } from 'saxes';

/** A small XML tree: enough to read XLIFF (elements, attributes, text; comments and PIs dropped). */
export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlNode[]; line: number };
export type XmlNode = XmlElement | string;

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:1.2';

// A carriage return as a reference: a parser turns a literal one into a line feed (XML 1.0 §2.11).
export const escapeText = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
// Tabs and line feeds too: a parser turns literal ones in an attribute into spaces (XML 1.0 §3.3.3).
export const escapeAttribute = (value: string): string => escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

/**
 * Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other
 * than tab, LF and CR, U+FFFE, U+FFFF, and lone surrogates (half of a pair, not a character).
 */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML cannot carry, and how many there were. */
export const withoutNonXmlCharacters = (value: string): { text: string; removed: number } => {
  let removed = 0;
  const text = value.replace(NOT_IN_XML, () => {
    removed += 1;
    return '';
  });
  return { text, removed };
};

/** Parses a document; throws an Error whose message says where the XML is malformed. */
export const parseXml = (xml: string): XmlElement => {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= new Error(`The file is not well-formed XML: ${e.message}`);
  });
  // Entities declared in a DTD are expanded by some tools and not by this parser: two readings of one file.
  // The text was decoded as UTF-8: a file that says it is in another encoding reads otherwise elsewhere.
  parser.on('xmldecl', (declaration) => {
    if (declaration.encoding !== undefined && !/^utf-?8$/i.test(declaration.encoding)) {
      error ??= new Error(`The file declares encoding="${declaration.encoding}"; save it as UTF-8`);
    }
  });
  parser.on('doctype', () => {
    error ??= new Error('The file has a <!DOCTYPE> declaration; XLIFF files have none');
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      const { local, uri, value, name } = attribute as { local: string; uri: string; value: string; name: string };
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      // An unprefixed attribute has no namespace; a prefixed one (even in the XLIFF namespace) is
      // another attribute, kept apart so that it cannot stand in for the unprefixed one.
      attributes[uri === 'http://www.w3.org/XML/1998/namespace' ? `xml:${local}` : uri ? `{${uri}}${local}` : local] = value;
    }
    const element: XmlElement = {
      name: tag.uri === XLIFF_NS ? tag.local! : `{${tag.uri ?? ''}}${tag.local}`,
      attributes,
      children: [],
      line: parser.line,
    };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  const onText = (text: string) => {
    if (stack.length > 0) stack[stack.length - 1].children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= new Error(`The file is not well-formed XML: ${(e as Error).message}`);
  }
  if (error) throw error;
  if (!root) throw new Error('The file is empty');
  return root;
};

export const elements = (node: XmlElement, name?: string): XmlElement[] =>
  node.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name));

export const textOf = (node: XmlNode): string => (typeof node === 'string' ? node : node.children.map(textOf).join(''));
