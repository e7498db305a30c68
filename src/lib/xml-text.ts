/**
 * Characters XML 1.0 cannot hold: C0 controls but tab, line feed and carriage return; lone
 * surrogates; U+FFFE and U+FFFF. One of them in the feed, an SVG or the sitemap makes the whole
 * file unreadable to an XML parser.
 */
export const NOT_IN_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const ALL_NOT_IN_XML = new RegExp(NOT_IN_XML.source, 'g');

/** `text` without the characters XML cannot hold: the last guard before text is written as XML. */
export function xmlSafe(text: string): string {
  return text.replace(ALL_NOT_IN_XML, '');
}

/** "U+0000": the code of the first character of `text` that XML cannot hold. */
export function codePointName(text: string): string {
  const match = NOT_IN_XML.exec(text);
  const code = match ? match[0].charCodeAt(0) : 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` as XML character data or an attribute value: markup characters escaped, and nothing XML cannot hold. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
