import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OptionError, parseDeal, safeParseDeal } from '../../src/index.js';
import { importCrm, type CrmImport, type ImportCrmOptions } from '../../src/io/import-crm.js';
import { AWKWARD_IDS, PROPERTY_SEED, PROPERTY_TIMEOUT } from '../support/arbitraries.js';

/** A fixture of test/fixtures/crm/, byte for byte. */
function crm(name: string): string {
  return readFileSync(new URL(`../fixtures/crm/${name}`, import.meta.url), 'utf8');
}

/** The issues as [line, code, column] triples, in the order reported. */
function issues(result: CrmImport, file: 'people' | 'relations' = 'people'): [number, string, string | undefined][] {
  return result.issues.filter((i) => i.file === file).map((i) => [i.line, i.code, i.column]);
}

function person(result: CrmImport, id: string): Record<string, unknown> {
  const found = result.deal.people.find((p) => p.id === id);
  expect(found, `person ${id}`).toBeDefined();
  return found as Record<string, unknown>;
}

const SF = (n: number) => `0035g00000KxA${String(n).padStart(2, '0')}AAF`;

describe('importCrm', () => {
  it.each<[string, ImportCrmOptions]>([
    ['an unknown preset', { preset: 'pipedrive' as never }],
    ['a mapping to a field that does not exist', { mapping: { columns: { Email: 'email' as never } } }],
    ['an empty separator', { mapping: { separator: '' } }],
    ['an unknown mapping key', { mapping: { colums: {} } as never }],
    ['an invalid asOf', { asOf: '2026-13-01' }],
    ['an empty dealId', { dealId: '' }],
    ['an unknown option', { presets: 'hubspot' } as never],
  ])('throws an OptionError on %s', (_, options) => {
    expect(() => importCrm({ people: 'id\na\n' }, options)).toThrow(OptionError);
  });

  it('throws an OptionError when the people CSV is not a string', () => {
    expect(() => importCrm({ people: 42 as never })).toThrow(OptionError);
  });

  it('gives the documented example', () => {
    const csv =
      'Contact Id,Name,Title,Reports To Id,Contact Role\n' +
      '003A,Ana Silva,CFO,,Economic Buyer\n' +
      '003B,Bo Chen,Controller,003A,Evaluator\n' +
      '003C,Cy Diaz,Analyst,003Z,Other\n';
    const r = importCrm({ people: csv }, { preset: 'salesforce', asOf: '2026-11-01' });
    expect(r.rowsKept).toBe(3);
    expect(r.deal.people[1]).toEqual({ id: '003B', name: 'Bo Chen', title: 'Controller', reportsTo: ['003A'], roles: ['technical-buyer'] });
    expect(JSON.stringify(Object.keys(r.deal.people[1]!))).toBe('["id","name","title","reportsTo","roles"]');
    expect(issues(r)).toEqual([
      [4, 'unknown_person', 'Reports To Id'],
      [4, 'other_role', 'Contact Role'],
    ]);
    expect(() => parseDeal(r.deal)).not.toThrow();
  });

  describe('Salesforce contact export (CRLF, quoted cells, a multi-line note, report footer)', () => {
    const result = importCrm(
      { people: crm('salesforce-contacts.csv'), relations: crm('salesforce-relations.csv') },
      { dealId: 'northwind-wms', dealName: 'Northwind WMS', asOf: '2026-11-01' },
    );

    it('detects the preset and keeps all ten contacts', () => {
      expect(result.preset).toBe('salesforce');
      expect(result.rowsRead).toBe(10);
      expect(result.rowsKept).toBe(10);
      expect(result.deal.people.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(SF));
      expect(result.deal).toMatchObject({ schemaVersion: 1, id: 'northwind-wms', name: 'Northwind WMS', asOf: '2026-11-01' });
    });

    it('reads the columns of the export; Account Name and Email are not deal fields', () => {
      expect(result.columns).toEqual([
        { header: 'Contact ID', field: 'id' },
        { header: 'First Name', field: 'firstName' },
        { header: 'Last Name', field: 'lastName' },
        { header: 'Title', field: 'title' },
        { header: 'Department', field: 'department' },
        { header: 'Account Name', field: null },
        { header: 'Email', field: null },
        { header: 'Reports To ID', field: 'reportsTo' },
        { header: 'Contact Role', field: 'roles' },
        { header: 'Description', field: 'notes' },
      ]);
    });

    it('joins first and last names, keeps a quoted comma and a multi-line note', () => {
      expect(person(result, SF(1))).toEqual({
        id: SF(1), name: 'Margaret Ellis', title: 'Chief Executive Officer', department: 'Executive', roles: ['decision-maker'],
      });
      expect(person(result, SF(3)).title).toBe('VP, Supply Chain & Operations');
      expect(person(result, SF(5)).notes).toBe('Ran the 2023 WMS pilot.\r\nPrefers on-prem; worried about "cloud lock-in".');
      expect(person(result, SF(10)).notes).toBe('Reviews every contract over $250k, incl. SaaS terms');
      expect(person(result, SF(4)).name).toBe('Tomás García');
    });

    it('reads a 15-character Reports To ID as the 18-character id it abbreviates', () => {
      // Line 5: Tomás García reports to "0035g00000KxA01" = the first 15 characters of Margaret Ellis's id.
      expect(person(result, SF(4)).reportsTo).toEqual([SF(1)]);
    });

    it.each([
      [SF(1), 'Decision Maker', ['decision-maker']],
      [SF(2), 'Economic Buyer', ['economic-buyer']],
      [SF(3), 'Executive Sponsor', ['approver']],
      [SF(4), 'Technical Buyer', ['technical-buyer']],
      [SF(5), 'Evaluator', ['technical-buyer']],
      [SF(6), 'Business User', ['user']],
      [SF(7), 'Influencer', ['influencer']],
      [SF(8), 'Economic Decision Maker', ['economic-buyer']],
      [SF(9), 'Other', undefined],
      [SF(10), '', undefined],
    ])('maps the contact role of %s (%j) to %j', (id, _, roles) => {
      expect(person(result, id).roles).toEqual(roles);
    });

    it('reports "Other" (line 11) and the two footer lines (14, 15) as notes, nothing else', () => {
      // Lines: header 1, contacts 2-5, Hannah Berg 6-7 (the note holds a CRLF), contacts 8-12,
      // "" 13 (blank), footer 14-15.
      expect(issues(result)).toEqual([
        [11, 'other_role', 'Contact Role'],
        [14, 'report_footer', undefined],
        [15, 'report_footer', undefined],
      ]);
      expect(result.issues.every((i) => i.severity === 'info')).toBe(true);
    });

    it('reads the relations CSV', () => {
      expect(result.relationRowsRead).toBe(3);
      expect(result.relationRowsKept).toBe(3);
      expect(result.deal.relations).toEqual([
        { from: SF(5), to: SF(4), kind: 'influences', weight: 0.6, note: "Hannah's pilot report shapes Tomás's view" },
        { from: SF(7), to: SF(2), kind: 'informs' },
        { from: SF(6), to: SF(7), kind: 'conflict', note: 'Budget fight, 2025' },
      ]);
    });

    it('produces a deal that parseDeal accepts', () => {
      const deal = parseDeal(result.deal);
      expect(deal.people).toHaveLength(10);
      expect(deal.people[9]!.reportsTo).toEqual([SF(1)]);
    });

    it('counts the row after the multi-line note as line 8, with CRLF, LF or CR line endings', () => {
      const crlf = crm('salesforce-contacts.csv');
      expect(crlf).toContain('pilot.\r\nPrefers'); // the fixture really has a CRLF inside a quoted cell
      const broken = crlf.replace('"Business User"', '"Forklift Driver"'); // Luis Moreno, line 8
      for (const text of [broken, broken.replace(/\r\n/g, '\n'), broken.replace(/\r\n/g, '\r')]) {
        const r = importCrm({ people: text });
        expect(issues(r).filter(([, code]) => code === 'unknown_label')).toEqual([[8, 'unknown_label', 'Contact Role']]);
      }
    });
  });

  describe('HubSpot contact export', () => {
    const result = importCrm({ people: crm('hubspot-contacts.csv') });

    it('detects the preset and keeps all eight contacts', () => {
      expect(result.preset).toBe('hubspot');
      expect([result.rowsRead, result.rowsKept]).toEqual([8, 8]);
    });

    it.each([
      ['51234001', 'Decision Maker;Executive Sponsor', ['decision-maker', 'approver']],
      ['51234002', 'Budget Holder', ['economic-buyer']],
      ['51234003', 'Influencer;Champion', ['influencer', 'champion']],
      ['51234004', 'Legal & Compliance', ['legal']],
      ['51234005', 'End User', ['user']],
      ['51234006', 'Blocker;Other', ['blocker']],
      ['51234007', '', undefined],
      ['51234008', 'Advisor', undefined],
    ])('maps the buying roles of %s (%j) to %j', (id, _, roles) => {
      expect(person(result, id).roles).toEqual(roles);
    });

    it('reads Record ID, names, Job Title and Department; leaves custom columns alone without a mapping', () => {
      expect(person(result, '51234002')).toEqual({ id: '51234002', name: 'Marco Rossi', title: 'CFO', department: 'Finance', roles: ['economic-buyer'] });
      expect(person(result, '51234007')).toEqual({ id: '51234007', name: 'Nora', title: 'Intern' });
      expect(person(result, '51234008')).toEqual({ id: '51234008', title: 'Consultant' });
      expect(result.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual([
        'Email', 'Company Name', 'Lifecycle Stage', 'Contact owner', 'Reports To (Record ID)', 'Stakeholder Stance', 'Influence Level',
      ]);
    });

    it('reports "Other" (line 7) as a note and the unknown role "Advisor" (line 9) as a warning', () => {
      expect(issues(result)).toEqual([
        [7, 'other_role', 'Buying Role'],
        [9, 'unknown_label', 'Buying Role'],
      ]);
      expect(result.issues.map((i) => i.severity)).toEqual(['info', 'warning']);
      expect(() => parseDeal(result.deal)).not.toThrow();
    });
  });

  describe('a user mapping over a preset', () => {
    const mapping = JSON.parse(crm('mapping.json')) as ImportCrmOptions['mapping'];
    const result = importCrm({ people: crm('hubspot-contacts.csv') }, { mapping });

    it('reads the mapped custom columns: reporting lines, stances and influences (labels and numbers)', () => {
      expect(result.deal.people.map((p) => [p.id, p.reportsTo, p.stance, p.influence])).toEqual([
        ['51234001', undefined, 0, 1],
        ['51234002', ['51234001'], -0.5, 0.75],
        ['51234003', ['51234001'], 1, 0.5],
        ['51234004', ['51234002'], undefined, 0.25],
        ['51234005', ['51234003'], 0.5, 0.25],
        ['51234006', ['51234002'], -1, 0.5],
        ['51234007', ['51234005'], undefined, undefined],
        ['51234008', undefined, null, undefined], // "unknown" is a stance label: null
      ]);
    });

    it('ignores a column the preset reads when the mapping maps it to null', () => {
      expect(result.columns.find((c) => c.header === 'Department')).toEqual({ header: 'Department', field: null });
      expect(result.deal.people.some((p) => 'department' in p)).toBe(false);
    });

    it('overrides the preset: a header mapped to a field wins over the preset column of that field', () => {
      const r = importCrm(
        { people: crm('hubspot-contacts.csv') },
        { mapping: JSON.parse('{ "columns": { "Contact owner": "title", "job title": "NOTES" } }') as ImportCrmOptions['mapping'] }, // fields match case-insensitively
      );
      expect(r.columns.filter((c) => c.field === 'title' || c.field === 'notes')).toEqual([
        { header: 'Job Title', field: 'notes' },
        { header: 'Contact owner', field: 'title' },
      ]);
      expect(person(r, '51234001')).toMatchObject({ title: 'Li Na', notes: 'Chief Executive Officer' });
      expect(person(r, '51234007')).not.toHaveProperty('title');
    });

    it('reads multi-value cells with the mapping separator', () => {
      const r = importCrm({ people: 'id,roles,needs\na,coach|champion,speed|cost\n' }, { mapping: { separator: '|' } });
      expect(r.deal.people).toEqual([{ id: 'a', roles: ['coach', 'champion'], needs: ['speed', 'cost'] }]);
    });

    it('warns about a mapped column that is not in the file', () => {
      const r = importCrm({ people: 'id,name\na,A\n' }, { mapping: { columns: { 'Stakeholder Stance': 'stance' } } });
      expect(issues(r)).toEqual([[1, 'mapped_column_missing', 'Stakeholder Stance']]);
      expect(r.rowsKept).toBe(1);
    });
  });

  describe('a file with five different bad rows (bad-rows.csv)', () => {
    const result = importCrm({ people: crm('bad-rows.csv') }, { preset: 'powermap' });

    it('reports each bad row with its line, column and code; the multi-line note shifts the lines after it', () => {
      // Line 3-4: cfo, whose note spans two lines. Then:
      // 5 missing id; 6 reportsTo "cio" (nobody); 7 second "cfo"; 8 role "wizard"; 9 influence "very high".
      expect(issues(result)).toEqual([
        [5, 'missing_id', 'id'],
        [6, 'unknown_person', 'reportsTo'],
        [7, 'duplicate_id', 'id'],
        [8, 'unknown_label', 'roles'],
        [9, 'unknown_label', 'influence'],
      ]);
      expect(result.issues.map((i) => i.severity)).toEqual(['error', 'warning', 'error', 'warning', 'warning']);
      expect(result.issues[2]!.message).toContain('line 3');
    });

    it('leaves out the rows without an id or with a duplicate id, keeps the others without the bad value', () => {
      expect([result.rowsRead, result.rowsKept]).toEqual([7, 5]);
      expect(result.deal.people.map((p) => p.id)).toEqual(['ceo', 'cfo', 'itm', 'ops', 'wh']);
      expect(person(result, 'cfo')).toMatchObject({ name: 'Zhao Li', needs: ['cut inventory cost', 'faster month-end close'], notes: 'Met at the\nlogistics fair, Shanghai 2026' });
      expect(person(result, 'itm')).not.toHaveProperty('reportsTo');
      expect(person(result, 'ops')).toMatchObject({ roles: ['influencer'], inProject: false, stance: 0, influence: 0.75 });
      expect(person(result, 'wh')).not.toHaveProperty('influence');
      expect(person(result, 'wh')).toMatchObject({ stance: 0.5, reportsTo: ['ops'] });
    });

    it('produces a deal that parseDeal accepts', () => {
      expect(() => parseDeal(result.deal)).not.toThrow();
    });
  });

  describe('malformed CSV', () => {
    it('reports an unclosed quote at the line where its row starts, and reads on from the next line', () => {
      const text = 'id,name,notes\na,A,fine\nb,B,"never closed\nc,C,\nd,D,"two\nlines"\n';
      const r = importCrm({ people: text });
      expect(issues(r)).toEqual([[3, 'malformed_csv', undefined]]);
      expect(r.issues[0]!.severity).toBe('error');
      expect(r.deal.people.map((p) => p.id)).toEqual(['a', 'c', 'd']);
      expect(person(r, 'd').notes).toBe('two\nlines');
      expect([r.rowsRead, r.rowsKept]).toEqual([4, 3]);
    });

    it('reports a stray quote (inside an unquoted cell, or after a closing quote) and keeps the other rows', () => {
      const text = 'id,name\na,Dwayne "The Rock" Johnson\nb,"Bo" Chen\nc,"Cy ""C"" Diaz"\n';
      const r = importCrm({ people: text });
      expect(issues(r)).toEqual([
        [2, 'malformed_csv', undefined],
        [3, 'malformed_csv', undefined],
      ]);
      expect(r.deal.people).toEqual([{ id: 'c', name: 'Cy "C" Diaz' }]);
    });

    it('reports an unclosed quote after a multi-line cell at its own line', () => {
      const text = 'id,notes\r\na,"one\r\ntwo\r\nthree"\r\nb,ok\r\nc,"oops\r\n';
      expect(issues(importCrm({ people: text }))).toEqual([[6, 'malformed_csv', undefined]]);
    });

    it('reads nothing when the header itself is malformed', () => {
      const r = importCrm({ people: 'id,"name\na,A\n' });
      expect(issues(r)).toEqual([[1, 'malformed_csv', undefined]]);
      expect(r.rowsKept).toBe(0);
    });

    it('leaves out a row with more cells than the header, keeps one with fewer', () => {
      const r = importCrm({ people: 'id,name,title\na,A,CEO\nb,Smith, Bo,CFO\nc,C\n' });
      expect(issues(r)).toEqual([
        [3, 'too_many_cells', undefined],
        [4, 'too_few_cells', undefined],
      ]);
      expect(r.issues.map((i) => i.severity)).toEqual(['error', 'warning']);
      expect(r.deal.people.map((p) => p.id)).toEqual(['a', 'c']);
    });

    it('skips blank lines without counting them as rows', () => {
      const r = importCrm({ people: '\n\nid,name\n\na,A\n , \nb,B\n' });
      expect(r.issues).toEqual([]);
      expect([r.rowsRead, r.rowsKept]).toEqual([2, 2]);
    });
  });

  describe('values', () => {
    it('reads stances and influences as numbers or labels, as the schema does', () => {
      const r = importCrm({
        people: 'id,stance,influence\na,Champion,HIGH\nb,-0.5,0.25\nc,unknown,unknown\nd,non supporter,None\ne,2,1.5\nf,maybe,huge\n',
      });
      expect(r.deal.people.map((p) => [p.id, p.stance, p.influence])).toEqual([
        ['a', 1, 0.75],
        ['b', -0.5, 0.25],
        ['c', null, null],
        ['d', -0.5, 0],
        ['e', undefined, undefined],
        ['f', undefined, undefined],
      ]);
      expect(issues(r)).toEqual([
        [6, 'out_of_range', 'stance'],
        [6, 'out_of_range', 'influence'],
        [7, 'unknown_label', 'stance'],
        [7, 'unknown_label', 'influence'],
      ]);
    });

    it('reads level, inProject, susceptibility and integrity, and drops what does not parse', () => {
      const r = importCrm({
        people: 'id,level,inProject,susceptibility,integrity\na,2,yes,0.4,0.9\nb,0,maybe,1.2,x\n',
      });
      expect(r.deal.people).toEqual([{ id: 'a', level: 2, inProject: true, susceptibility: 0.4, integrity: 0.9 }, { id: 'b' }]);
      expect(issues(r)).toEqual([
        [3, 'out_of_range', 'level'],
        [3, 'invalid_value', 'inProject'],
        [3, 'out_of_range', 'susceptibility'],
        [3, 'invalid_value', 'integrity'],
      ]);
    });

    it('removes a reporting cycle found by parseDeal and reports it at the row', () => {
      const r = importCrm({ people: 'id,reportsTo\na,b\nb,a\nc,a\n' });
      expect(issues(r)).toEqual([[2, 'reports_to_cycle', 'reportsTo']]);
      expect(r.deal.people).toEqual([{ id: 'a' }, { id: 'b', reportsTo: ['a'] }, { id: 'c', reportsTo: ['a'] }]);
      expect(() => parseDeal(r.deal)).not.toThrow();
    });

    it('removes a self-report, and reads a reportsTo that names a person by name', () => {
      const r = importCrm({ people: 'id,name,reportsTo\na,Ana Silva,a\nb,Bo,ana silva\n' });
      expect(issues(r)).toEqual([
        [2, 'reports_to_cycle', 'reportsTo'],
        [3, 'manager_by_name', 'reportsTo'],
      ]);
      expect(r.deal.people).toEqual([{ id: 'a', name: 'Ana Silva' }, { id: 'b', name: 'Bo', reportsTo: ['a'] }]);
    });

    it('matches headers case-insensitively after trimming, and detects a semicolon delimiter', () => {
      const r = importCrm({ people: '  ID ;NAME;Reports  To\na;A;\nb;B;a\n' });
      expect(r.deal.people).toEqual([{ id: 'a', name: 'A' }, { id: 'b', name: 'B', reportsTo: ['a'] }]);
    });

    it('keeps awkward ids and names as data', () => {
      const ids = AWKWARD_IDS.filter((id) => id !== '0');
      const csv = `id,name,reportsTo\n${ids.map((id, k) => `"${id}","=HYPERLINK(""x"")",${k > 0 ? `"${ids[0]}"` : ''}`).join('\n')}\n`;
      const r = importCrm({ people: csv });
      expect(r.issues).toEqual([]);
      expect(r.deal.people.map((p) => p.id)).toEqual(ids);
      expect(r.deal.people[1]).toEqual({ id: ids[1], name: '=HYPERLINK("x")', reportsTo: ['__proto__'] });
      expect(() => parseDeal(r.deal)).not.toThrow();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  });

  describe('headers and empty input', () => {
    it('reports an empty file', () => {
      const r = importCrm({ people: '' });
      expect(issues(r)).toEqual([[1, 'empty_file', undefined]]);
      expect(r.rowsKept).toBe(0);
    });

    it('reports a header without rows', () => {
      const r = importCrm({ people: 'id,name\r\n' });
      expect(issues(r)).toEqual([[1, 'no_rows', undefined]]);
      expect([r.rowsRead, r.rowsKept]).toEqual([0, 0]);
    });

    it('reports a file without an id column, and reads no rows', () => {
      const r = importCrm({ people: 'Email,Phone\na@x.example,1\n' }, { preset: 'salesforce' });
      expect(issues(r)).toEqual([[1, 'missing_column', undefined]]);
      expect(r.rowsKept).toBe(0);
    });

    it('reads one column per field and warns about a second one', () => {
      const r = importCrm({ people: 'id,name,Name\na,A,B\n' });
      expect(issues(r)).toEqual([[1, 'duplicate_column', 'Name']]);
      expect(r.deal.people).toEqual([{ id: 'a', name: 'A' }]);
    });

    it('prefers the full Name over First and Last Name (Salesforce)', () => {
      const r = importCrm({ people: 'Id,First Name,Last Name,Name\n1,Ana,Silva,Dr. Ana Silva\n2,Bo,Chen,\n' }, { preset: 'salesforce' });
      expect(r.deal.people.map((p) => p.name)).toEqual(['Dr. Ana Silva', 'Bo Chen']);
    });
  });

  describe('relations CSV', () => {
    const people = 'id\na\nb\nc\n';

    it('reports every bad relation row with its line and leaves it out', () => {
      const relations = [
        'from,to,kind,weight',
        'a,b,influences,0.5', // 2 ok
        'a,zz,influences,0.5', // 3 unknown person
        'a,b,influences,', // 4 missing weight
        'a,b,likes,0.5', // 5 unknown kind
        'c,c,informs,', // 6 self relation
        'b,c,influences,1.5', // 7 out of range
        ',c,informs,', // 8 missing from
        'B,C,Informs,', // 9 ids are case-sensitive: unknown person
        'c,a,conflict,', // 10 ok
      ].join('\n');
      const r = importCrm({ people, relations });
      expect(issues(r, 'relations')).toEqual([
        [3, 'unknown_person', 'to'],
        [4, 'missing_weight', 'weight'],
        [5, 'unknown_label', 'kind'],
        [6, 'self_relation', 'from'],
        [7, 'out_of_range', 'weight'],
        [8, 'missing_value', 'from'],
        [9, 'unknown_person', 'from'],
      ]);
      expect([r.relationRowsRead, r.relationRowsKept]).toEqual([9, 2]);
      expect(r.deal.relations).toEqual([
        { from: 'a', to: 'b', kind: 'influences', weight: 0.5 },
        { from: 'c', to: 'a', kind: 'conflict' },
      ]);
      expect(() => parseDeal(r.deal)).not.toThrow();
    });

    it('reports a relations CSV without the from, to and kind columns', () => {
      const r = importCrm({ people, relations: 'source,weight\na,1\n' });
      expect(issues(r, 'relations')).toEqual([[1, 'missing_column', undefined]]);
      expect(r.relationRowsKept).toBe(0);
    });

    it('reads the relations columns of the mapping', () => {
      const r = importCrm({ people, relations: 'Who,Whom,How,Strength\na,b,influences,0.3\n' }, {
        mapping: { relationColumns: { Who: 'from', Whom: 'to', How: 'kind' } },
      });
      expect(r.deal.relations).toEqual([{ from: 'a', to: 'b', kind: 'influences', weight: 0.3 }]);
    });

    it('drops a relation to a person whose row was left out', () => {
      const r = importCrm({ people: 'id\na\na\n,\nb\n', relations: 'from,to,kind\na,b,informs\nb,,informs\n' });
      expect(r.deal.relations).toEqual([{ from: 'a', to: 'b', kind: 'informs' }]);
      expect(issues(r, 'relations')).toEqual([[3, 'missing_value', 'to']]);
    });
  });

  test.prop(
    [
      fc.array(
        fc.record({
          id: fc.constantFrom('', 'a', 'b', 'c', 'd', 'e', '__proto__', 'x y'),
          reportsTo: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'zz', '__proto__'), { maxLength: 3 }),
          roles: fc.array(fc.constantFrom('Champion', 'Other', 'Budget Holder', 'wizard', 'End User'), { maxLength: 3 }),
          stance: fc.constantFrom('', 'supporter', '0.5', '-2', 'maybe', 'unknown'),
          influence: fc.constantFrom('', 'high', '1', '7', '{"scale5":4}'),
          notes: fc.constantFrom('', 'line one\nline two', 'a, "quoted" note', '"'),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      fc.array(
        fc.record({
          from: fc.constantFrom('a', 'b', 'c', 'zz', ''),
          to: fc.constantFrom('a', 'b', 'c', 'd'),
          kind: fc.constantFrom('influences', 'informs', 'conflict', 'hates'),
          weight: fc.constantFrom('', '0.4', '2'),
        }),
        { maxLength: 5 },
      ),
      fc.constantFrom('\n', '\r\n'),
    ],
    { seed: PROPERTY_SEED, numRuns: 200 },
  )(
    'the imported deal is valid whenever a row is kept, and every issue names a line of its file',
    (rows, rels, eol) => {
      const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
      const people = [
        'id,reportsTo,roles,stance,influence,notes',
        ...rows.map((r) => [r.id, r.reportsTo.join(';'), r.roles.join(';'), r.stance, r.influence, r.notes].map(q).join(',')),
      ].join(eol);
      const relations = ['from,to,kind,weight', ...rels.map((r) => [r.from, r.to, r.kind, r.weight].join(','))].join(eol);
      const result = importCrm({ people, relations });
      if (result.rowsKept > 0) expect(safeParseDeal(result.deal).success).toBe(true);
      expect(result.rowsKept).toBeLessThanOrEqual(result.rowsRead);
      const lines = { people: people.split(/\r\n|\r|\n/).length, relations: relations.split(/\r\n|\r|\n/).length };
      for (const issue of result.issues) {
        expect(issue.line).toBeGreaterThanOrEqual(1);
        expect(issue.line).toBeLessThanOrEqual(lines[issue.file]);
      }
    },
    PROPERTY_TIMEOUT,
  );
});
