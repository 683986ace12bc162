/**
 * String hygiene shared by every report format: control characters, bidirectional text,
 * grapheme-aware truncation and terminal display width. Escaping for one syntax (XML, HTML,
 * Markdown, DOT, Mermaid) lives in `escape.ts` and starts from {@link cleanText}.
 *
 * @internal
 * @module
 */

/** Bidirectional formatting controls (embeddings, overrides, isolates, marks): stripped from user strings. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** Line breaks and tabs: a name is one line. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
/** Other C0 / C1 controls (ESC included: no terminal escape sequence can pass) and DEL. */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/gu;
/** Characters XML 1.0 cannot carry even as references: lone surrogates and U+FFFE, U+FFFF. */
const XML_INVALID = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/gu;
/** A strong right-to-left character (Hebrew, Arabic, Syriac, Thaana, N'Ko, ..., and their presentation forms). */
const R = String.raw`[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]`;
const RTL = new RegExp(R, 'u');
/** A run of right-to-left text: from one strong RTL character to the last one before a left-to-right letter. */
const RTL_RUN = new RegExp(String.raw`${R}(?:(?:${R}|[\s\p{M}\p{N}\p{P}\p{S}])*${R})?`, 'gu');

/** First Strong Isolate and Pop Directional Isolate: keep a right-to-left name from reordering the text around it. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/**
 * Makes a user string safe to place in any report: line breaks become one space, other control
 * characters and invalid code units become U+FFFD, bidirectional controls are removed (a
 * hostile U+202E cannot reverse what follows), and surrounding whitespace is trimmed.
 */
export function cleanText(value: string): string {
  return value
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '\uFFFD')
    .replace(XML_INVALID, '\uFFFD')
    .replace(BIDI_CONTROLS, '')
    .trim();
}

/** Whether a string holds a strong right-to-left character. */
export function hasRtl(value: string): boolean {
  return RTL.test(value);
}

/**
 * Wraps every run of right-to-left text in FSI .. PDI, so a Hebrew or Arabic name never
 * reorders the words, numbers and punctuation around it. Call after {@link cleanText} (which
 * removes any bidirectional control a hostile string could use to escape the isolate).
 */
export function isolate(value: string): string {
  return hasRtl(value) ? value.replace(RTL_RUN, (run) => `${FSI}${run}${PDI}`) : value;
}

/** {@link cleanText}, then {@link isolate}: a user string ready for plain-text output. */
export function safeText(value: string): string {
  return isolate(cleanText(value));
}

const segmenter: { segment(s: string): Iterable<{ segment: string }> } | undefined =
  typeof Intl !== 'undefined' && typeof (Intl as { Segmenter?: unknown }).Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : undefined;

/** The user-perceived characters of a string (grapheme clusters where the runtime knows them, else code points). */
export function graphemes(value: string): string[] {
  if (segmenter) return Array.from(segmenter.segment(value), (s) => s.segment);
  return Array.from(value);
}

const ZERO_WIDTH = /^(?:\p{Mn}|\p{Me}|\p{Cf}|[\u200B\uFE00-\uFE0F])+$/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** Terminal columns of one grapheme: 0, 1 or 2 (East Asian wide and emoji take 2). */
function graphemeWidth(g: string): number {
  if (ZERO_WIDTH.test(g)) return 0;
  const cp = g.codePointAt(0)!;
  if (EMOJI.test(g) && (cp >= 0x1f000 || g.includes('\uFE0F'))) return 2;
  return isWide(cp) ? 2 : 1;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Terminal display width of a string (East Asian wide characters and emoji count 2, combining marks 0). */
export function displayWidth(value: string): number {
  let w = 0;
  for (const g of graphemes(value)) w += graphemeWidth(g);
  return w;
}

/**
 * Shortens a string to at most `max` display columns, ending with `…` when cut; never splits a
 * grapheme (an emoji with modifiers, a letter with its accents).
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max && !/[^\u0020-\u007E]/.test(value)) return value;
  if (displayWidth(value) <= max) return value;
  let out = '';
  let w = 0;
  for (const g of graphemes(value)) {
    const gw = graphemeWidth(g);
    if (w + gw > max - 1) break;
    out += g;
    w += gw;
  }
  return `${closeIsolates(out)}…`;
}

/** Appends the PDIs a cut string needs, so an open isolate never swallows what follows it. */
function closeIsolates(value: string): string {
  const open = openIsolates(value);
  return open > 0 ? value + PDI.repeat(open) : value;
}

function openIsolates(value: string): number {
  let open = 0;
  for (const ch of value) {
    if (ch === FSI) open++;
    else if (ch === PDI && open > 0) open--;
  }
  return open;
}

/** Pads with spaces on the right to `width` display columns. */
export function padEnd(value: string, width: number): string {
  const w = displayWidth(value);
  return w >= width ? value : value + ' '.repeat(width - w);
}

/** Pads with spaces on the left to `width` display columns. */
export function padStart(value: string, width: number): string {
  const w = displayWidth(value);
  return w >= width ? value : ' '.repeat(width - w) + value;
}

/**
 * Word-wraps text to `width` display columns; words longer than the width are cut. The first
 * line gets `first` as prefix, the others `rest` (same display width, usually spaces).
 */
export function wrap(text: string, width: number, first = '', rest = ' '.repeat(displayWidth(first))): string[] {
  const lines: string[] = [];
  const avail = () => Math.max(10, width - displayWidth(lines.length === 0 ? first : rest));
  let line = '';
  let lineW = 0;
  const push = () => {
    // An isolate cut by the line break is closed here and reopened on the next line.
    const open = openIsolates(line);
    lines.push((lines.length === 0 ? first : rest) + line + PDI.repeat(open));
    line = FSI.repeat(open);
    lineW = 0;
  };
  for (const word of text.split(/ +/)) {
    if (word === '') continue;
    let rest2 = word;
    let ww = displayWidth(rest2);
    if (lineW > 0 && lineW + 1 + ww > avail()) push();
    while (ww > avail() - lineW - (lineW > 0 ? 1 : 0)) {
      // Cut a long word (a 10,000-character name, a CJK sentence without spaces).
      const room = avail() - lineW - (lineW > 0 ? 1 : 0);
      let piece = '';
      let pw = 0;
      const gs = graphemes(rest2);
      let k = 0;
      for (; k < gs.length; k++) {
        const gw = graphemeWidth(gs[k]!);
        if (pw + gw > room) break;
        piece += gs[k];
        pw += gw;
      }
      if (k === 0) {
        push();
        continue;
      }
      line += (lineW > 0 ? ' ' : '') + piece;
      lineW += (lineW > 0 ? 1 : 0) + pw;
      push();
      rest2 = gs.slice(k).join('');
      ww = displayWidth(rest2);
    }
    if (ww === 0) continue;
    line += (lineW > 0 ? ' ' : '') + rest2;
    lineW += (lineW > 0 ? 1 : 0) + ww;
  }
  if (line.replaceAll(FSI, '') !== '' || lines.length === 0) push();
  return lines;
}
