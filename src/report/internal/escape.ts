/**
 * Escaping for each output syntax. Every function starts from {@link cleanText}, so control
 * characters, line breaks and bidirectional overrides never reach the output.
 *
 * @internal
 * @module
 */
import { cleanText, isolate } from './text.js';

/** Characters that make a spreadsheet read a pasted cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * Prefixes a string that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, and their
 * full-width forms) with an apostrophe, so `=HYPERLINK(...)` pastes as text.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Escapes text and attribute values for XML 1.0 (`&`, `<`, `>`, `"`, `'`), after {@link cleanText}. */
export function escapeXml(value: string): string {
  return xmlEntities(cleanText(value));
}

/** XML entities only (for strings that are already clean, such as our own numbers and labels). */
export function xmlEntities(value: string): string {
  return value.replace(/[&<>"']/g, (c) => XML_ENTITY[c]!);
}

const XML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes an identifier for an XML attribute with as little change as XML allows: tab, line feed
 * and carriage return become character references (so parsers keep them), characters XML 1.0
 * cannot carry at all (other C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
 */
export function escapeXmlId(value: string): string {
  return xmlEntities(xmlChars(value)).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Replaces the characters XML 1.0 cannot carry with U+FFFD, changing nothing else. */
export function xmlChars(value: string): string {
  return value.replace(XML_FORBIDDEN, '\uFFFD');
}

const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes a user string for HTML text or a quoted attribute; right-to-left text is isolated. */
export function escapeHtml(value: string): string {
  return xmlEntities(isolate(cleanText(value)));
}

/**
 * Escapes a user string for Markdown (CommonMark and GitHub-flavoured): every ASCII punctuation
 * character that can start inline markup is backslash-escaped (`*`, `_`, `[`, `]`, `|`, `` ` ``,
 * `#`, `~`, `$`, `{`, `}`, `\`; with the brackets escaped, no `(...)` can become a link target), `<`, `>` and `&` become entities (no raw HTML, no autolinks, no
 * entity tricks), a leading formula character gets an apostrophe, and right-to-left text is
 * isolated.
 */
export function escapeMarkdown(value: string): string {
  const clean = neutralizeFormula(cleanText(value));
  const escaped = clean
    .replace(/[\\`*_{}[\]#|~$]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => XML_ENTITY[c]!);
  return isolate(escaped);
}

/** Escapes a string for a double-quoted Graphviz DOT ID: `\` and `"` are backslash-escaped. */
export function escapeDot(value: string): string {
  return cleanText(value).replace(/[\\"]/g, (c) => `\\${c}`);
}

/**
 * Escapes a string for a double-quoted Mermaid label in the entity style Mermaid decodes
 * (`#quot;`, `#35;`): every character that could end the label, start markup or an entity
 * (`"`, `#`, `&`, `<`, `>`, brackets, `|`, `` ` ``, `\`, `;`, `*`, `_`, `~`) is written as an entity.
 */
export function escapeMermaid(value: string): string {
  return cleanText(value).replace(/["#&<>[\]{}()|`\\;*_~=%]/g, (c) => (c === '"' ? '#quot;' : `#${c.charCodeAt(0)};`));
}
