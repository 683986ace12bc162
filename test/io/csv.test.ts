import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/csv.js';

const lines = (text: string) => readCsv(text).rows.map((r) => [r.line, ...r.cells]);

describe('readCsv', () => {
  it('gives the documented example', () => {
    expect(readCsv('id,note\r\na,"two\r\nlines"\r\nb,"open\r\nc,x\r\n')).toEqual({
      rows: [
        { line: 1, cells: ['id', 'note'] },
        { line: 2, cells: ['a', 'two\r\nlines'] },
        { line: 5, cells: ['c', 'x'] },
      ],
      problems: [{ line: 4, reason: 'CSV_QUOTE_NOT_CLOSED', resumedAt: 5 }],
      delimiter: ',',
    });
  });

  // csv-parse's own info.lines counts a CRLF inside quotes as two lines (it reports 4 and 6 for
  // the second and third rows here); the physical lines are 2 and 4.
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('counts physical lines when quoted cells hold line breaks (%s)', (_, eol) => {
    const text = ['a,b', '1,"x', 'y"', '3,"p', '', 'q', 'r"', '', '5,6'].join(eol);
    expect(lines(text)).toEqual([
      [1, 'a', 'b'],
      [2, '1', `x${eol}y`],
      [4, '3', `p${eol}${eol}q${eol}r`],
      [9, '5', '6'],
    ]);
  });

  it('counts lines after multi-byte characters, emoji and a byte-order mark', () => {
    expect(lines('\uFEFFname,x\n"Tomás\n😀",1\n王,2\n')).toEqual([
      [1, 'name', 'x'],
      [2, 'Tomás\n😀', '1'],
      [4, '王', '2'],
    ]);
  });

  it('detects semicolons and tabs on the header line', () => {
    expect(readCsv('a;b\n1;2').delimiter).toBe(';');
    expect(readCsv('a\tb\n1\t2').delimiter).toBe('\t');
    expect(readCsv('a,b;c\n').delimiter).toBe(',');
    expect(readCsv('a;b\n1;2', ',').rows[1]!.cells).toEqual(['1;2']);
  });

  it('recovers after each malformed row, at the next physical line', () => {
    const r = readCsv('a,b\n1,x"y\n2,"ok"\n3,"p"q\n4,"never\n5,z\n');
    expect(r.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [1, 'a', 'b'],
      [3, '2', 'ok'],
      [6, '5', 'z'],
    ]);
    expect(r.problems.map((p) => [p.line, p.reason, p.resumedAt])).toEqual([
      [2, 'INVALID_OPENING_QUOTE', 3],
      [4, 'CSV_INVALID_CLOSING_QUOTE', 5],
      [5, 'CSV_QUOTE_NOT_CLOSED', 6],
    ]);
  });
});
