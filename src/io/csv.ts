/**
 * CSV reading for the importers: csv-parse (its browser ESM build, which carries its own `Buffer`
 * shim, so that it runs in a browser as well as in Node) plus exact physical line numbers and
 * recovery after malformed rows.
 *
 * Why not csv-parse's `info.lines`: it counts a CRLF inside a quoted cell as two lines, so every
 * row after a multi-line note in a Windows (Salesforce) export would be reported one line late.
 * We take csv-parse's byte offsets (`info.bytes`, exact) and map them to our own line index.
 *
 * @internal
 * @module
 */
import { parse } from 'csv-parse/browser/esm/sync';

/** One record of a CSV file with the physical line (1-based) where it starts. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A stretch of the file that is not valid CSV (an unclosed quote, for example). */
export interface CsvProblem {
  /** Line where the record that could not be read starts. */
  readonly line: number;
  /** csv-parse's error code, e.g. `CSV_QUOTE_NOT_CLOSED`. */
  readonly reason: string;
  /** Line from which reading resumed, or `null` when the problem ran to the end of the file. */
  readonly resumedAt: number | null;
}

/** What {@link readCsv} returns. */
export interface CsvContent {
  readonly rows: readonly CsvRow[];
  readonly problems: readonly CsvProblem[];
  /** The delimiter used (given, or detected on the first line). */
  readonly delimiter: string;
}

/**
 * Reads CSV text into rows with their physical line numbers. Quoted cells may hold the delimiter,
 * quotes (`""`) and line breaks (LF, CRLF or CR). Empty lines are skipped. Quotes are strict
 * (RFC 4180): a quote inside an unquoted cell, or text after a closing quote, makes the record
 * malformed. A malformed record is
 * reported with the line where it starts, and reading resumes on the next physical line, so
 * that one stray quote loses one row, not the rest of the file (except in the header, where
 * nothing after it could be trusted).
 *
 * @param text - the whole file
 * @param delimiter - the cell delimiter; by default detected on the first line among `,`, `;`, tab
 * @returns the rows, the problems, the delimiter
 * @throws never: malformed input becomes {@link CsvProblem}s
 * @example
 * ```ts
 * readCsv('id,note\r\na,"two\r\nlines"\r\nb,"open\r\nc,x\r\n');
 * // => { rows: [{ line: 1, cells: ['id', 'note'] }, { line: 2, cells: ['a', 'two\r\nlines'] }, { line: 5, cells: ['c', 'x'] }],
 * //      problems: [{ line: 4, reason: 'CSV_QUOTE_NOT_CLOSED', resumedAt: 5 }], delimiter: ',' }
 * ```
 * @internal
 * @category Interop
 */
export function readCsv(text: string, delimiter?: string): CsvContent {
  const lineStarts = lineIndex(text);
  const lineOf = (index: number): number => {
    // The number of line starts at or before `index` is the 1-based line.
    let lo = 0;
    let hi = lineStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lineStarts[mid]! <= index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const sep = delimiter ?? detectDelimiter(text);
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];

  let offset = 0;
  while (offset < text.length) {
    const chunk = offset === 0 ? text : text.slice(offset);
    const cursor = utf8Cursor(chunk);
    let previousEnd = 0;
    try {
      parse(chunk, {
        delimiter: sep,
        bom: offset === 0,
        relax_column_count: true,
        // Strict quotes: a lenient reader would take `"a"b` as a cell and silently run a stray
        // quote on over the following lines; strictly, the row is reported and reading resumes.
        relax_quotes: false,
        skip_empty_lines: true,
        on_record: (record: string[], info: { bytes: number }) => {
          const start = skipLineBreaks(chunk, previousEnd);
          rows.push({ line: lineOf(offset + start), cells: record });
          previousEnd = cursor(info.bytes);
          return null; // collected here, in order; nothing is kept by the parser
        },
      });
      break;
    } catch (error) {
      const start = offset + skipLineBreaks(chunk, previousEnd);
      const line = lineOf(start);
      const headerLost = rows.length === 0;
      const next = headerLost ? undefined : lineStarts[line]; // start of the following line
      problems.push({
        line,
        reason: String((error as { code?: unknown }).code ?? 'CSV_ERROR'),
        resumedAt: next === undefined ? null : line + 1,
      });
      if (next === undefined) break;
      offset = next;
    }
  }
  return { rows, problems, delimiter: sep };
}

/** Indices where each physical line starts (`\r\n`, `\r` and `\n` all end a line). */
function lineIndex(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** First index at or after `i` that is not a line break or a byte-order mark. */
function skipLineBreaks(text: string, i: number): number {
  let k = i;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c !== 10 && c !== 13 && c !== 0xfeff) break;
    k++;
  }
  return k;
}

/**
 * Converts UTF-8 byte offsets (as csv-parse counts them) into string indices. Offsets must be
 * asked for in increasing order; the whole walk is O(length).
 */
function utf8Cursor(text: string): (bytes: number) => number {
  let index = 0;
  let bytes = 0;
  return (target) => {
    while (bytes < target && index < text.length) {
      const c = text.charCodeAt(index);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff && index + 1 < text.length) {
        const d = text.charCodeAt(index + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          bytes += 4;
          index += 2;
          continue;
        }
        bytes += 3;
      } else bytes += 3;
      index += 1;
    }
    return index;
  };
}

/** The delimiter of the first line: `,` unless the line has no comma and has `;` or a tab. */
function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end === -1 ? text : text.slice(0, end);
  if (first.includes(',')) return ',';
  const semicolons = first.split(';').length - 1;
  const tabs = first.split('\t').length - 1;
  if (tabs > 0 && tabs >= semicolons) return '\t';
  if (semicolons > 0) return ';';
  return ',';
}
