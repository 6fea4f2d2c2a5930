import { SaxesParser } from 'saxes';

/** A small XML tree: enough to read XLIFF (elements, attributes, text; comments and PIs dropped). */
export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlNode[]; line: number };
export type XmlNode = XmlElement | string;

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:1.2';

export const escapeText = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttribute = (value: string): string => escapeText(value).replace(/"/g, '&quot;');

/** Parses a document; throws an Error whose message says where the XML is malformed. */
export const parseXml = (xml: string): XmlElement => {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= new Error(`The file is not well-formed XML: ${e.message}`);
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      const { local, uri, value, name } = attribute as { local: string; uri: string; value: string; name: string };
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      attributes[uri === 'http://www.w3.org/XML/1998/namespace' ? `xml:${local}` : uri && uri !== XLIFF_NS ? `{${uri}}${local}` : local] = value;
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
