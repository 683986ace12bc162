/**
 * `importCrm`: contacts exported from a CRM (Salesforce, HubSpot, or a powermap-shaped CSV) become
 * the raw JSON of a {@link DealInput}, with every row that could not be used reported by its line.
 *
 * Pure: no file system, no `process`; runs in a browser.
 *
 * @module
 */
import { OptionError, describeValue } from '../errors.js';
import { safeParseDeal } from '../model/parse-deal.js';
import { parseIsoDate, type DealInput } from '../model/schema.js';
import { influenceFromLabel, normalizeLabel, roleFromLabel, stanceFromLabel, type Role } from '../model/vocabulary.js';
import { readCsv, type CsvRow } from './csv.js';

/** A column preset: which CSV headers of which CRM export mean which deal field. */
export type CrmPreset = 'salesforce' | 'hubspot' | 'powermap';

/**
 * The person fields a people-CSV column can fill. `firstName` and `lastName` are joined into
 * `name` when there is no full-name column (or its cell is empty).
 */
export type PersonField =
  | 'id'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'title'
  | 'department'
  | 'reportsTo'
  | 'level'
  | 'roles'
  | 'influence'
  | 'stance'
  | 'susceptibility'
  | 'inProject'
  | 'needs'
  | 'integrity'
  | 'notes';

/** The relation fields a relations-CSV column can fill. */
export type RelationField = 'from' | 'to' | 'kind' | 'weight' | 'note';

/**
 * A user's column mapping (a JSON file in the CLI). It overrides and extends the preset: a header
 * mapped here wins over the preset's reading of that header *and* over the preset's column for
 * the same field; `null` (or `""`) ignores a column the preset would read.
 *
 * @example
 * ```json
 * { "columns": { "Stakeholder Stance": "stance", "Power": "influence", "Role": null }, "separator": ";" }
 * ```
 */
export interface ColumnMapping {
  /** CSV header (case-insensitive, trimmed) -> person field, or `null` to ignore the column. */
  columns?: Readonly<Record<string, PersonField | null | ''>>;
  /** Same for the relations CSV (default columns `from,to,kind,weight,note`). */
  relationColumns?: Readonly<Record<string, RelationField | null | ''>>;
  /** Separator of multi-value cells (`roles`, `reportsTo`, `needs`). Default `;`. */
  separator?: string;
}

/** Options of {@link importCrm}. */
export interface ImportCrmOptions {
  /** Column preset. Default: detected from the headers (`Record ID` = HubSpot; `Contact Id`, `ReportsToId`, `Contact Role`... = Salesforce; else powermap). */
  preset?: CrmPreset;
  /** Your own column mapping, applied over the preset. */
  mapping?: ColumnMapping;
  /** Id of the deal. Default `crm-import`. */
  dealId?: string;
  /** Name of the deal. */
  dealName?: string;
  /** ISO date the deal is seen at (`2026-11-01`). */
  asOf?: string;
  /** Cell delimiter. Default: detected on the header line among `,`, `;` and tab. */
  delimiter?: string;
}

/**
 * One problem with one row (or one file) of the import. `error`: the row was left out;
 * `warning`: the row was kept but a value was dropped or changed; `info`: an expected loss
 * (a CRM role with no meaning here, such as Salesforce's "Other").
 */
export interface ImportIssue {
  /** Which input the line is in. */
  readonly file: 'people' | 'relations';
  /** 1-based physical line in that file (the header is line 1); a row's first line when it spans several. 0 when no line applies. */
  readonly line: number;
  /** Stable code: `malformed_csv`, `missing_id`, `duplicate_id`, `unknown_label`, `unknown_person`, ... */
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** The CSV header of the offending cell, as written in the file. */
  readonly column?: string;
  readonly message: string;
}

/** How one CSV column was read. */
export interface ImportedColumn {
  /** The header as written in the file. */
  readonly header: string;
  /** The field it fills, or `null` when the column was ignored. */
  readonly field: PersonField | RelationField | null;
}

/** Result of {@link importCrm}. */
export interface CrmImport {
  /** The deal as raw JSON, ready for `parseDeal`; valid whenever `rowsKept > 0`. */
  readonly deal: DealInput;
  /** Every problem, people file first, then by line. */
  readonly issues: readonly ImportIssue[];
  /** Data rows read from the people CSV (blank rows not counted; malformed rows counted). */
  readonly rowsRead: number;
  /** People rows that became people of the deal. */
  readonly rowsKept: number;
  /** Data rows read from the relations CSV. */
  readonly relationRowsRead: number;
  /** Relations rows that became relations of the deal. */
  readonly relationRowsKept: number;
  /** The preset used (given or detected). */
  readonly preset: CrmPreset;
  /** How each column of the people CSV was read, in file order. */
  readonly columns: readonly ImportedColumn[];
  /** How each column of the relations CSV was read (empty without a relations CSV). */
  readonly relationColumns: readonly ImportedColumn[];
}

const FN = 'importCrm';

const PERSON_FIELDS: readonly PersonField[] = [
  'id', 'name', 'firstName', 'lastName', 'title', 'department', 'reportsTo', 'level', 'roles', 'influence',
  'stance', 'susceptibility', 'inProject', 'needs', 'integrity', 'notes',
];
const RELATION_FIELDS: readonly RelationField[] = ['from', 'to', 'kind', 'weight', 'note'];

/** Headers every preset understands: the deal's own field names (read last, after the preset's). */
const COMMON_HEADERS: readonly (readonly [PersonField, readonly string[]])[] = [
  ['id', ['id']],
  ['name', ['name', 'full name']],
  ['firstName', ['first name', 'firstname']],
  ['lastName', ['last name', 'lastname']],
  ['title', ['title', 'job title']],
  ['department', ['department']],
  ['reportsTo', ['reportsto', 'reports to']],
  ['level', ['level']],
  ['roles', ['roles', 'role']],
  ['influence', ['influence']],
  ['stance', ['stance']],
  ['susceptibility', ['susceptibility']],
  ['inProject', ['inproject', 'in project']],
  ['needs', ['needs']],
  ['integrity', ['integrity']],
  ['notes', ['notes']],
];

/** Each preset's headers per field, most specific first (normalised: lower case, single spaces). */
const PRESET_HEADERS: Readonly<Record<CrmPreset, readonly (readonly [PersonField, readonly string[]])[]>> = {
  salesforce: [
    ['id', ['contact id', 'contactid', 'id']],
    ['name', ['name', 'full name', 'contact name']],
    ['firstName', ['first name', 'firstname']],
    ['lastName', ['last name', 'lastname']],
    ['title', ['title']],
    ['department', ['department']],
    ['reportsTo', ['reports to id', 'reportstoid', 'reports to: contact id', 'reports to contact id']],
    ['roles', ['contact role', 'role', 'opportunity contact role']],
    ['notes', ['description', 'contact description']],
  ],
  hubspot: [
    ['id', ['record id', 'contact id', 'hs_object_id']],
    ['firstName', ['first name', 'firstname']],
    ['lastName', ['last name', 'lastname']],
    ['title', ['job title', 'jobtitle']],
    ['department', ['department']],
    ['roles', ['buying role', 'buying roles', 'hs_buying_role']],
  ],
  powermap: [],
};

const RELATION_HEADERS: readonly (readonly [RelationField, readonly string[]])[] = [
  ['from', ['from', 'source', 'from id']],
  ['to', ['to', 'target', 'to id']],
  ['kind', ['kind', 'type', 'relation']],
  ['weight', ['weight', 'strength']],
  ['note', ['note', 'notes', 'description']],
];

/**
 * Imports contacts exported from a CRM as a deal. The people CSV becomes `people`, the optional
 * relations CSV (`from,to,kind,weight,note`) becomes `relations`.
 *
 * Presets: **Salesforce** contacts (`Contact Id`/`Id`, `Name` or `First Name` + `Last Name`,
 * `Title`, `Department`, `Reports To Id`/`ReportsToId`, `Contact Role`/`Role` with the
 * OpportunityContactRole picklist, `Description`); **HubSpot** contacts (`Record ID`,
 * `First Name` + `Last Name`, `Job Title`, `Department`, `Buying Role` with `;`-separated values);
 * **powermap** (headers named like the deal's fields). Every preset also reads columns named
 * like the deal's fields (`Stance`, `Influence`, `Needs`...). Headers match case-insensitively
 * after trimming. Roles go through the role aliases; "Other" is dropped with an `info` issue.
 *
 * Nothing is dropped silently: a row with no id, a duplicate id, a malformed CSV record or too
 * many cells is left out and reported (`error`); an unknown role, stance or influence label, a
 * number out of range, or a `reportsTo` naming nobody in the file is dropped from a kept row and
 * reported (`warning`). Lines are physical lines of the file (header = 1), counted correctly
 * when a quoted cell holds line breaks. Finally the deal runs through `safeParseDeal`; what it
 * still finds (a reporting cycle, say) is mapped back to the row, repaired by dropping the value
 * or the row, and reported, so the returned deal is valid whenever `rowsKept > 0`.
 *
 * @param input - the text of the people CSV and, optionally, of the relations CSV
 * @param options - see {@link ImportCrmOptions}
 * @returns the raw deal, the issues by line, and the row counts
 * @throws {@link OptionError} on a bad option: an unknown preset, a mapping to a field that does
 *   not exist, an empty separator, a `dealId` that is not a non-empty string, an invalid `asOf`
 * @example
 * ```ts
 * const csv = 'Contact Id,Name,Title,Reports To Id,Contact Role\n' +
 *   '003A,Ana Silva,CFO,,Economic Buyer\n' +
 *   '003B,Bo Chen,Controller,003A,Evaluator\n' +
 *   '003C,Cy Diaz,Analyst,003Z,Other\n';
 * const { deal, issues, rowsKept } = importCrm({ people: csv }, { preset: 'salesforce', asOf: '2026-11-01' });
 * rowsKept;                                        // => 3
 * deal.people[1];  // => { id: '003B', name: 'Bo Chen', title: 'Controller', reportsTo: ['003A'], roles: ['technical-buyer'] }
 * issues.map((i) => [i.line, i.code, i.column]);
 * // => [[4, 'unknown_person', 'Reports To Id'], [4, 'other_role', 'Contact Role']]
 * parseDeal(deal);                                 // valid
 * ```
 * @category Interop
 */
export function importCrm(input: { people: string; relations?: string }, options: ImportCrmOptions = {}): CrmImport {
  const o = checkOptions(input, options);
  const issues: ImportIssue[] = [];

  // People.
  const peopleCsv = readCsv(input.people, o.delimiter);
  reportCsvProblems(peopleCsv.problems, 'people', issues);
  const [headerRow, ...dataRows] = peopleCsv.rows.filter((row) => !isBlank(row));
  const preset = o.preset ?? (headerRow ? detectPreset(headerRow.cells) : 'powermap');
  const columns = headerRow ? assignPersonColumns(headerRow, preset, o.mapping, issues) : [];
  if (!headerRow) {
    if (peopleCsv.problems.length === 0)
      issues.push({ file: 'people', line: 1, code: 'empty_file', severity: 'error', message: 'the people CSV is empty: it needs a header line and one row per person' });
  } else if (!columns.some((c) => c.field === 'id'))
    issues.push({
      file: 'people',
      line: headerRow.line,
      code: 'missing_column',
      severity: 'error',
      message: `no id column: the ${preset} preset reads the id from ${idHeaders(preset)}; add one, or map your id column in the mapping ("columns": { "<header>": "id" })`,
    });
  if (headerRow && dataRows.length === 0 && peopleCsv.problems.length === 0)
    issues.push({ file: 'people', line: headerRow.line, code: 'no_rows', severity: 'error', message: 'the people CSV has a header but no rows' });
  const people: Draft[] = [];
  let rowsRead = peopleCsv.problems.filter((p) => headerRow !== undefined && p.line > headerRow.line).length;
  if (headerRow && columns.some((c) => c.field === 'id')) {
    const readPerson = personReader(columns, headerRow.cells.length, o.separator, issues);
    for (const row of dataRows) {
      if (isFooter(row, headerRow.cells.length, 'people', issues)) continue;
      rowsRead++;
      const person = readPerson(row);
      if (person) people.push(person);
    }
    resolveManagers(people, preset, headerOf(columns, 'reportsTo'), issues);
  }

  // Relations.
  let relationRowsRead = 0;
  const relations: Draft[] = [];
  let relationColumns: Column<RelationField>[] = [];
  if (input.relations !== undefined) {
    const relCsv = readCsv(input.relations, o.delimiter);
    reportCsvProblems(relCsv.problems, 'relations', issues);
    const [relHeader, ...relRows] = relCsv.rows.filter((row) => !isBlank(row));
    relationRowsRead += relCsv.problems.filter((p) => relHeader !== undefined && p.line > relHeader.line).length;
    if (!relHeader) {
      if (relCsv.problems.length === 0)
        issues.push({ file: 'relations', line: 1, code: 'empty_file', severity: 'info', message: 'the relations CSV is empty; no relations were read' });
    } else {
      relationColumns = assignRelationColumns(relHeader, o.mapping, issues);
      const missing = (['from', 'to', 'kind'] as const).filter((f) => !relationColumns.some((c) => c.field === f));
      if (missing.length > 0) {
        relationRowsRead += relRows.length;
        issues.push({
          file: 'relations', line: relHeader.line, code: 'missing_column', severity: 'error',
          message: `the relations CSV needs the columns from, to and kind (missing: ${missing.join(', ')}); no relations were read`,
        });
      } else {
        const known = new Set(people.map((p) => p.value.id));
        const readRelation = relationReader(relationColumns, relHeader.cells.length, known, issues);
        for (const row of relRows) {
          if (isFooter(row, relHeader.cells.length, 'relations', issues)) continue;
          relationRowsRead++;
          const relation = readRelation(row);
          if (relation) relations.push(relation);
        }
      }
    }
  }

  // The schema and cross-reference checks, mapped back to rows and repaired.
  const build = (): DealInput =>
    ({
      schemaVersion: 1,
      id: o.dealId,
      ...(o.dealName !== undefined ? { name: o.dealName } : {}),
      ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
      people: people.map((p) => inSchemaOrder(p.value, PERSON_KEYS)),
      ...(relations.length > 0 || input.relations !== undefined ? { relations: relations.map((r) => inSchemaOrder(r.value, RELATION_KEYS)) } : {}),
    }) as unknown as DealInput;
  let deal = build();
  if (people.length > 0) {
    for (let round = 0; round < 50; round++) {
      const result = safeParseDeal(deal);
      if (result.success) break;
      if (!repair(result.error.issues, people, relations, columns, relationColumns, issues)) break;
      deal = build();
    }
  }

  return {
    deal,
    issues: sortIssues(issues, columns, relationColumns),
    rowsRead,
    rowsKept: people.length,
    relationRowsRead,
    relationRowsKept: relations.length,
    preset,
    columns: columns.map(({ header, field }) => ({ header, field })),
    relationColumns: relationColumns.map(({ header, field }) => ({ header, field })),
  };
}

// ---------------------------------------------------------------------------------------------
// Options

interface Resolved {
  preset: CrmPreset | undefined;
  mapping: ColumnMapping;
  separator: string;
  dealId: string;
  dealName: string | undefined;
  asOf: string | undefined;
  delimiter: string | undefined;
}

const OPTION_NAMES = ['preset', 'mapping', 'dealId', 'dealName', 'asOf', 'delimiter'];

function checkOptions(input: { people: string; relations?: string }, options: ImportCrmOptions): Resolved {
  if (typeof input !== 'object' || input === null) throw new OptionError(FN, 'input', input, '{ people: string; relations?: string }');
  if (typeof input.people !== 'string') throw new OptionError(FN, 'input.people', input.people, 'the text of the people CSV');
  if (input.relations !== undefined && typeof input.relations !== 'string')
    throw new OptionError(FN, 'input.relations', input.relations, 'the text of the relations CSV, or undefined');
  if (typeof options !== 'object' || options === null) throw new OptionError(FN, 'options', options, 'an object');
  for (const key of Object.keys(options))
    if (!OPTION_NAMES.includes(key)) throw new OptionError(FN, key, (options as Record<string, unknown>)[key], `no such option; known options: ${OPTION_NAMES.join(', ')}`);
  const { preset, mapping = {}, dealId = 'crm-import', dealName, asOf, delimiter } = options;
  if (preset !== undefined && (typeof preset !== 'string' || !Object.prototype.hasOwnProperty.call(PRESET_HEADERS, preset)))
    throw new OptionError(FN, 'preset', preset, 'one of "salesforce", "hubspot", "powermap"');
  if (typeof dealId !== 'string' || dealId.length === 0) throw new OptionError(FN, 'dealId', dealId, 'a non-empty string');
  if (dealName !== undefined && typeof dealName !== 'string') throw new OptionError(FN, 'dealName', dealName, 'a string');
  if (asOf !== undefined && (typeof asOf !== 'string' || parseIsoDate(asOf) === undefined))
    throw new OptionError(FN, 'asOf', asOf, 'an ISO 8601 date like "2026-11-01"');
  if (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter.length === 0 || /["\r\n]/.test(delimiter)))
    throw new OptionError(FN, 'delimiter', delimiter, 'a non-empty string without quotes or line breaks');
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))
    throw new OptionError(FN, 'mapping', mapping, 'an object { columns?, relationColumns?, separator? }');
  for (const key of Object.keys(mapping))
    if (key !== 'columns' && key !== 'relationColumns' && key !== 'separator')
      throw new OptionError(FN, `mapping.${key}`, (mapping as Record<string, unknown>)[key], 'no such mapping key; known keys: columns, relationColumns, separator');
  checkMappingColumns('columns', mapping.columns, PERSON_FIELDS);
  checkMappingColumns('relationColumns', mapping.relationColumns, RELATION_FIELDS);
  const separator = mapping.separator ?? ';';
  if (typeof separator !== 'string' || separator.length === 0) throw new OptionError(FN, 'mapping.separator', separator, 'a non-empty string');
  return { preset, mapping, separator, dealId, dealName, asOf, delimiter };
}

function checkMappingColumns(key: string, columns: unknown, fields: readonly string[]): void {
  if (columns === undefined) return;
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns))
    throw new OptionError(FN, `mapping.${key}`, columns, 'an object { "<CSV header>": "<field>" }');
  for (const [header, field] of Object.entries(columns)) {
    if (field === null || field === '') continue;
    if (typeof field !== 'string' || canonicalField(field, fields) === undefined)
      throw new OptionError(FN, `mapping.${key}[${JSON.stringify(header)}]`, field, `one of ${fields.join(', ')}, or null to ignore the column`);
  }
}

/** A field name as the user wrote it (`reportsto`, `ReportsTo`) -> the canonical field. */
function canonicalField<F extends string>(name: string, fields: readonly F[]): F | undefined {
  const key = name.trim().toLowerCase();
  return fields.find((f) => f.toLowerCase() === key);
}

// ---------------------------------------------------------------------------------------------
// Columns

interface Column<F extends string> {
  index: number;
  header: string;
  field: F | null;
}

/** Headers compare case-insensitively after trimming, with runs of white space read as one space. */
function normalizeHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

function detectPreset(headers: readonly string[]): CrmPreset {
  const set = new Set(headers.map(normalizeHeader));
  if (set.has('record id') || set.has('buying role') || set.has('hs_object_id')) return 'hubspot';
  if (['contact id', 'contactid', 'reports to id', 'reportstoid', 'contact role', 'reports to: contact id'].some((h) => set.has(h)))
    return 'salesforce';
  return 'powermap';
}

function idHeaders(preset: CrmPreset): string {
  const names = [...(PRESET_HEADERS[preset].find(([f]) => f === 'id')?.[1] ?? []), 'id'];
  return [...new Set(names)].map((n) => JSON.stringify(n)).join(' or ');
}

/**
 * Assigns each column a field: the user's mapping first, then the preset's headers for each field
 * still free (most specific header first), then the deal's own field names. A field is read from
 * one column only; a second column for it is ignored with a warning.
 */
function assignColumns<F extends string>(
  header: CsvRow,
  file: 'people' | 'relations',
  userColumns: Readonly<Record<string, F | null | ''>> | undefined,
  fields: readonly F[],
  tables: readonly (readonly (readonly [F, readonly string[]])[])[],
  issues: ImportIssue[],
): Column<F>[] {
  const columns: Column<F>[] = header.cells.map((cell, index) => ({ index, header: cell.replace(/^\uFEFF/, '').trim(), field: null }));
  const byHeader = new Map<string, Column<F>[]>();
  for (const column of columns) {
    const key = normalizeHeader(column.header);
    byHeader.set(key, [...(byHeader.get(key) ?? []), column]);
  }
  const decided = new Set<Column<F>>();
  const taken = new Set<F>();
  for (const [rawHeader, rawField] of Object.entries(userColumns ?? {})) {
    const matches = byHeader.get(normalizeHeader(rawHeader));
    if (!matches) {
      issues.push({
        file, line: header.line, code: 'mapped_column_missing', severity: 'warning', column: rawHeader,
        message: `the mapping names the column ${describeValue(rawHeader)}, which is not in the header; check its spelling`,
      });
      continue;
    }
    const field = rawField === null || rawField === '' ? null : canonicalField(rawField, fields)!;
    for (const column of matches) {
      decided.add(column);
      if (field !== null && taken.has(field)) {
        duplicateColumn(file, header.line, column, field, issues);
        continue;
      }
      column.field = field;
      if (field !== null) taken.add(field);
    }
  }
  for (const table of tables) {
    for (const [field, aliases] of table) {
      if (taken.has(field)) continue;
      for (const alias of aliases) {
        const column = byHeader.get(alias)?.find((c) => !decided.has(c));
        if (!column) continue;
        column.field = field;
        decided.add(column);
        taken.add(field);
        break;
      }
    }
  }
  // A second column with the same header as a read one.
  for (const [, same] of byHeader) {
    const read = same.find((c) => c.field !== null);
    if (!read) continue;
    for (const column of same) if (column !== read && !decided.has(column)) duplicateColumn(file, header.line, column, read.field!, issues);
  }
  return columns;
}

function duplicateColumn(file: 'people' | 'relations', line: number, column: Column<string>, field: string, issues: ImportIssue[]): void {
  issues.push({
    file, line, code: 'duplicate_column', severity: 'warning', column: column.header,
    message: `column ${column.index + 1} (${describeValue(column.header)}) would also fill ${field}, which another column already fills; it was ignored`,
  });
}

function assignPersonColumns(header: CsvRow, preset: CrmPreset, mapping: ColumnMapping, issues: ImportIssue[]): Column<PersonField>[] {
  return assignColumns(header, 'people', mapping.columns, PERSON_FIELDS, [PRESET_HEADERS[preset], COMMON_HEADERS], issues);
}

function assignRelationColumns(header: CsvRow, mapping: ColumnMapping, issues: ImportIssue[]): Column<RelationField>[] {
  return assignColumns(header, 'relations', mapping.relationColumns, RELATION_FIELDS, [RELATION_HEADERS], issues);
}

// ---------------------------------------------------------------------------------------------
// Rows

/** A row on its way into the deal: the raw JSON value and where it came from. */
interface Draft {
  line: number;
  value: Record<string, unknown> & { id: string };
  /** Managers as written, before they are checked against the ids of the file. */
  managers?: string[];
}

function isBlank(row: CsvRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

function reportCsvProblems(problems: readonly { line: number; reason: string; resumedAt: number | null }[], file: 'people' | 'relations', issues: ImportIssue[]): void {
  for (const p of problems) {
    const what =
      p.reason === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quote opened in this row is never closed'
        : p.reason === 'INVALID_OPENING_QUOTE'
          ? 'a quote inside a cell that does not start with one'
          : p.reason === 'CSV_INVALID_CLOSING_QUOTE'
            ? 'text after the closing quote of a cell'
            : `this row is not valid CSV (${p.reason})`;
    const next =
      p.resumedAt === null ? 'nothing after it could be read' : `the row was left out and reading resumed on line ${p.resumedAt}`;
    issues.push({
      file, line: p.line, code: 'malformed_csv', severity: 'error',
      message: `${what}; ${next}. Put cells that hold quotes, the delimiter or line breaks in quotes, and double the quotes inside them ("")`,
    });
  }
}

/** Lines that CRM report exports append after the data (Salesforce: confidentiality and copyright). */
const REPORT_FOOTER = /^(?:confidential information|copyright \(c\)|generated by:|salesforce\.com)/i;

/** A report footer line (one cell, a known footer text): skipped with an `info` issue, not counted as a row. */
function isFooter(row: CsvRow, width: number, file: 'people' | 'relations', issues: ImportIssue[]): boolean {
  if (row.cells.length !== 1 || width === 1 || !REPORT_FOOTER.test(row.cells[0]!.trim())) return false;
  issues.push({
    file, line: row.line, code: 'report_footer', severity: 'info',
    message: `a report footer line (${describeValue(row.cells[0]!.trim())}), not a record; it was skipped`,
  });
  return true;
}

/**
 * Checks the cell count of a row against the header; returns false when the row must be left out.
 * More cells than the header: left out (the values cannot be matched to columns). One single
 * cell in a file of several columns: left out (not a record). Fewer cells otherwise: kept, the
 * missing cells read as empty, with a warning.
 */
function checkCellCount(row: CsvRow, width: number, file: 'people' | 'relations', issues: ImportIssue[]): boolean {
  const extra = row.cells.slice(width).filter((cell) => cell.trim() !== '');
  if (extra.length > 0) {
    issues.push({
      file, line: row.line, code: 'too_many_cells', severity: 'error',
      message: `the row has ${row.cells.length} cells but the header has ${width}, so its values cannot be matched to columns (an unquoted delimiter in a cell?); the row was left out. Quote cells that contain the delimiter`,
    });
    return false;
  }
  if (row.cells.length === 1 && width > 1) {
    issues.push({
      file, line: row.line, code: 'too_few_cells', severity: 'error',
      message: `the row has 1 cell but the header has ${width}; it is not a record and was left out`,
    });
    return false;
  }
  if (row.cells.length < width) {
    issues.push({
      file, line: row.line, code: 'too_few_cells', severity: 'warning',
      message: `the row has ${row.cells.length} cells but the header has ${width}; the missing cells were read as empty`,
    });
  }
  return true;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

function splitList(text: string, separator: string): string[] {
  return [...new Set(text.split(separator).map((s) => s.trim()).filter((s) => s !== ''))];
}

function personReader(
  columns: readonly Column<PersonField>[],
  width: number,
  separator: string,
  issues: ImportIssue[],
): (row: CsvRow) => Draft | undefined {
  const idColumn = columns.find((c) => c.field === 'id')!;
  const read = columns.filter((c) => c.field !== null && c.field !== 'id');
  const lineOfId = new Map<string, number>();
  return (row) => {
    if (!checkCellCount(row, width, 'people', issues)) return undefined;
    const id = (row.cells[idColumn.index] ?? '').trim();
    if (id === '') {
      issues.push({
        file: 'people', line: row.line, code: 'missing_id', severity: 'error', column: idColumn.header,
        message: `the row has no ${describeValue(idColumn.header)}; the row was left out. Every person needs a unique id`,
      });
      return undefined;
    }
    const first = lineOfId.get(id);
    if (first !== undefined) {
      issues.push({
        file: 'people', line: row.line, code: 'duplicate_id', severity: 'error', column: idColumn.header,
        message: `duplicate id ${describeValue(id)} (first on line ${first}); this row was left out. Ids must be unique: merge the rows or fix the id`,
      });
      return undefined;
    }
    lineOfId.set(id, row.line);
    const value: Draft['value'] = { id };
    const draft: Draft = { line: row.line, value };
    const warn = (column: Column<PersonField>, code: string, message: string, severity: ImportIssue['severity'] = 'warning'): void => {
      issues.push({ file: 'people', line: row.line, code, severity, column: column.header, message });
    };
    let firstName: string | undefined;
    let lastName: string | undefined;
    for (const column of read) {
      const cell = (row.cells[column.index] ?? '').trim();
      if (cell === '') continue;
      switch (column.field) {
        case 'name':
        case 'title':
        case 'department':
        case 'notes':
          value[column.field] = cell;
          break;
        case 'firstName':
          firstName = cell;
          break;
        case 'lastName':
          lastName = cell;
          break;
        case 'reportsTo':
          draft.managers = splitList(cell, separator);
          break;
        case 'needs':
          value.needs = splitList(cell, separator);
          break;
        case 'roles': {
          const roles: Role[] = [];
          for (const label of splitList(cell, separator)) {
            const role = roleFromLabel(label);
            if (role !== undefined) roles.push(role);
            else if (normalizeLabel(label) === 'other')
              warn(column, 'other_role', `the role ${describeValue(label)} has no meaning in powermap and was dropped`, 'info');
            else
              warn(
                column,
                'unknown_label',
                `unknown role ${describeValue(label)}; it was dropped. Use a role (decision-maker, economic-buyer, approver, technical-buyer, user, influencer, gatekeeper, procurement, legal, coach, champion, blocker) or a CRM alias`,
              );
          }
          if (roles.length > 0) value.roles = [...new Set(roles)];
          break;
        }
        case 'influence':
        case 'stance': {
          const scale = readScale(cell, column.field);
          if ('value' in scale) value[column.field] = scale.value;
          else warn(column, scale.code, `${scale.message}; the ${column.field} was left unknown`);
          break;
        }
        case 'susceptibility':
        case 'integrity': {
          const x = parseNumber(cell);
          if (x === undefined) warn(column, 'invalid_value', `${column.field} must be a number from 0 to 1 (got ${describeValue(cell)}); it was dropped`);
          else if (x < 0 || x > 1) warn(column, 'out_of_range', `${column.field} must be from 0 to 1 (got ${describeValue(cell)}); it was dropped`);
          else value[column.field] = x;
          break;
        }
        case 'level': {
          const x = parseNumber(cell);
          if (x === undefined || !Number.isInteger(x) || x < 1)
            warn(column, x === undefined ? 'invalid_value' : 'out_of_range', `level must be a whole number from 1 (got ${describeValue(cell)}); it was dropped`);
          else value.level = x;
          break;
        }
        case 'inProject': {
          const yes = /^(?:true|yes|y|1|x)$/i.test(cell);
          const no = /^(?:false|no|n|0)$/i.test(cell);
          if (yes || no) value.inProject = yes;
          else warn(column, 'invalid_value', `inProject must be yes/no, true/false or 1/0 (got ${describeValue(cell)}); it was dropped`);
          break;
        }
        default:
          break;
      }
    }
    if (value.name === undefined && (firstName !== undefined || lastName !== undefined))
      value.name = [firstName, lastName].filter((s) => s !== undefined).join(' ');
    return draft;
  };
}

type Scale = { value: number | null } | { code: string; message: string };

/** Reads a stance (-1..1) or influence (0..1): a number in range or a label, as the schema does. */
function readScale(cell: string, field: 'influence' | 'stance'): Scale {
  const [min, max] = field === 'stance' ? [-1, 1] : [0, 1];
  const x = parseNumber(cell);
  if (x !== undefined) {
    if (x < min || x > max) return { code: 'out_of_range', message: `${field} must be a number from ${min} to ${max} or a label (got ${describeValue(cell)})` };
    return { value: x };
  }
  const label = field === 'stance' ? stanceFromLabel(cell) : influenceFromLabel(cell);
  if (label !== undefined) return { value: label };
  const labels = field === 'stance' ? 'champion, supporter, neutral, skeptic, opponent, unknown' : 'decisive, high, medium, low, none, unknown';
  return { code: 'unknown_label', message: `unknown ${field} ${describeValue(cell)}; use a number from ${min} to ${max} or one of ${labels}` };
}

/**
 * Checks every `reportsTo` against the ids kept from the file. An id that is not there is tried
 * as a Salesforce 15-character id (the case-sensitive prefix of an 18-character one), then as
 * a person's name; otherwise the line is removed and reported.
 */
function resolveManagers(people: readonly Draft[], preset: CrmPreset, column: string | undefined, issues: ImportIssue[]): void {
  const ids = new Set(people.map((p) => p.value.id));
  const byShortId = new Map<string, string | null>();
  if (preset === 'salesforce')
    for (const id of ids) if (id.length === 18) byShortId.set(id.slice(0, 15), byShortId.has(id.slice(0, 15)) ? null : id);
  const byName = new Map<string, string | null>();
  for (const p of people) {
    const name = typeof p.value.name === 'string' ? p.value.name.trim().toLowerCase() : '';
    if (name !== '') byName.set(name, byName.has(name) ? null : p.value.id);
  }
  for (const p of people) {
    if (!p.managers) continue;
    const managers: string[] = [];
    for (const ref of p.managers) {
      let id: string | null | undefined = ids.has(ref) ? ref : byShortId.get(ref);
      if (!id) {
        id = byName.get(ref.toLowerCase());
        if (id)
          issues.push({
            file: 'people', line: p.line, code: 'manager_by_name', severity: 'info', ...(column ? { column } : {}),
            message: `reportsTo ${describeValue(ref)} is not an id; it was read as the person named so (${describeValue(id)})`,
          });
      }
      if (!id) {
        issues.push({
          file: 'people', line: p.line, code: 'unknown_person', severity: 'warning', ...(column ? { column } : {}),
          message: `reportsTo ${describeValue(ref)} is not the id of anyone in the file; the reporting line was removed. Export the manager too, or fix the id`,
        });
        continue;
      }
      if (id === p.value.id) {
        issues.push({
          file: 'people', line: p.line, code: 'reports_to_cycle', severity: 'warning', ...(column ? { column } : {}),
          message: `${describeValue(ref)} reports to themself; the reporting line was removed`,
        });
        continue;
      }
      if (!managers.includes(id)) managers.push(id);
    }
    if (managers.length > 0) p.value.reportsTo = managers;
  }
}

function relationReader(
  columns: readonly Column<RelationField>[],
  width: number,
  known: ReadonlySet<string>,
  issues: ImportIssue[],
): (row: CsvRow) => Draft | undefined {
  const col = (field: RelationField) => columns.find((c) => c.field === field);
  const [from, to, kind, weight, note] = [col('from')!, col('to')!, col('kind')!, col('weight'), col('note')];
  return (row) => {
    if (!checkCellCount(row, width, 'relations', issues)) return undefined;
    const cell = (c: Column<RelationField> | undefined) => (c ? (row.cells[c.index] ?? '').trim() : '');
    const fail = (c: Column<RelationField> | undefined, code: string, message: string): undefined => {
      issues.push({ file: 'relations', line: row.line, code, severity: 'error', ...(c ? { column: c.header } : {}), message: `${message}; the relation was left out` });
      return undefined;
    };
    const value: Record<string, unknown> = {};
    for (const c of [from, to]) {
      const id = cell(c);
      if (id === '') return fail(c, 'missing_value', `the row has no ${describeValue(c.header)}`);
      if (!known.has(id)) return fail(c, 'unknown_person', `${describeValue(id)} is not the id of a person imported from the people CSV`);
      value[c.field!] = id;
    }
    if (value.from === value.to) return fail(from, 'self_relation', `a relation from ${describeValue(value.from)} to themself`);
    const kindText = normalizeLabel(cell(kind));
    if (kindText === '') return fail(kind, 'missing_value', `the row has no ${describeValue(kind.header)} (influences, informs or conflict)`);
    if (kindText !== 'influences' && kindText !== 'informs' && kindText !== 'conflict')
      return fail(kind, 'unknown_label', `unknown relation kind ${describeValue(cell(kind))}; use influences, informs or conflict`);
    value.kind = kindText;
    const weightText = cell(weight);
    if (weightText !== '') {
      const w = parseNumber(weightText);
      if (w === undefined || w < 0 || w > 1)
        return fail(weight, w === undefined ? 'invalid_value' : 'out_of_range', `weight must be a number from 0 to 1 (got ${describeValue(weightText)})`);
      if (kindText !== 'conflict') value.weight = w;
    } else if (kindText === 'influences') return fail(weight, 'missing_weight', 'an "influences" relation needs a weight from 0 to 1');
    const noteText = cell(note);
    if (noteText !== '') value.note = noteText;
    return { line: row.line, value: value as Draft['value'] };
  };
}

// ---------------------------------------------------------------------------------------------
// Repairs after safeParseDeal

const PATH = /^(people|relations)\[(\d+)\](?:\.([A-Za-z]+))?(?:\[(\d+)\])?/;

/**
 * Maps what `safeParseDeal` still reports back to rows and repairs it: a bad value of a person is
 * dropped (the row stays, `warning`); a bad person or relation is left out (`error`).
 * Returns false when nothing could be repaired (an issue outside the rows).
 */
function repair(
  found: readonly { code: string; path: string; message: string }[],
  people: Draft[],
  relations: Draft[],
  columns: readonly Column<PersonField>[],
  relationColumns: readonly Column<RelationField>[],
  issues: ImportIssue[],
): boolean {
  const dropPeople = new Set<number>();
  const dropRelations = new Set<number>();
  let changed = false;
  for (const issue of found) {
    const m = PATH.exec(issue.path);
    if (!m) {
      issues.push({ file: 'people', line: 0, code: issue.code, severity: 'error', message: `${issue.path || '(deal)'}: ${issue.message}` });
      continue;
    }
    const [, list, indexText, field, entryText] = m;
    const index = Number(indexText);
    if (list === 'relations') {
      const draft = relations[index];
      if (!draft || dropRelations.has(index)) continue;
      dropRelations.add(index);
      const column = field ? relationColumns.find((c) => c.field === field)?.header : undefined;
      issues.push({ file: 'relations', line: draft.line, code: issue.code, severity: 'error', ...(column ? { column } : {}), message: `${issue.message}; the relation was left out` });
      continue;
    }
    const draft = people[index];
    if (!draft || dropPeople.has(index)) continue;
    const column = field ? headerOf(columns, field) : undefined;
    if (!field || field === 'id') {
      dropPeople.add(index);
      issues.push({ file: 'people', line: draft.line, code: issue.code, severity: 'error', ...(column ? { column } : {}), message: `${issue.message}; the row was left out` });
      continue;
    }
    const current = draft.value[field];
    if (field === 'reportsTo' && Array.isArray(current) && entryText !== undefined && issue.code !== 'reports_to_cycle') {
      const rest = current.filter((_, k) => k !== Number(entryText));
      if (rest.length > 0) draft.value.reportsTo = rest;
      else delete draft.value.reportsTo;
    } else delete draft.value[field];
    changed = true;
    const what = field === 'reportsTo' ? 'the reporting line was removed' : `the ${field} was dropped`;
    issues.push({ file: 'people', line: draft.line, code: issue.code, severity: 'warning', ...(column ? { column } : {}), message: `${issue.message}; ${what}` });
  }
  for (const i of [...dropRelations].sort((a, b) => b - a)) relations.splice(i, 1);
  for (const i of [...dropPeople].sort((a, b) => b - a)) people.splice(i, 1);
  return changed || dropPeople.size > 0 || dropRelations.size > 0;
}

function headerOf(columns: readonly Column<PersonField>[], field: string): string | undefined {
  const direct = columns.find((c) => c.field === field);
  if (direct) return direct.header;
  if (field === 'name') return columns.filter((c) => c.field === 'firstName' || c.field === 'lastName').map((c) => c.header).join(' + ') || undefined;
  return undefined;
}

/** Issues in reading order: people file first, then by line, then by column (row-wide issues first). */
function sortIssues(
  issues: readonly ImportIssue[],
  columns: readonly Column<PersonField>[],
  relationColumns: readonly Column<RelationField>[],
): ImportIssue[] {
  const position = (issue: ImportIssue): number => {
    if (issue.column === undefined) return -1;
    const list: readonly Column<string>[] = issue.file === 'people' ? columns : relationColumns;
    const column = list.find((c) => c.header === issue.column || c.header === issue.column!.split(' + ')[0]);
    return column ? column.index : list.length;
  };
  return issues
    .map((issue, i) => ({ issue, i, column: position(issue) }))
    .sort((a, b) => {
      if (a.issue.file !== b.issue.file) return a.issue.file === 'people' ? -1 : 1;
      if (a.issue.line !== b.issue.line) return a.issue.line - b.issue.line;
      return a.column - b.column || a.i - b.i;
    })
    .map((x) => x.issue);
}

const PERSON_KEYS = [
  'id', 'name', 'title', 'department', 'reportsTo', 'level', 'roles', 'influence', 'stance', 'susceptibility',
  'inProject', 'needs', 'integrity', 'notes',
];
const RELATION_KEYS = ['from', 'to', 'kind', 'weight', 'note'];

/** A copy of `value` with its keys in the schema's order, so that the JSON reads like a hand-written deal. */
function inSchemaOrder(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.prototype.hasOwnProperty.call(value, key)) out[key] = value[key];
  return out;
}
