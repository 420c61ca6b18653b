import { describe, expect, it } from 'vitest';
import { CsvError, csvTable, parseCsv } from '../../adapters/import/csv.js';

describe('parseCsv (RFC 4180)', () => {
  it('splits plain fields and rows', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });
  it('keeps commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('text,by\n"one, two","say ""hi"""\n"line 1\nline 2",x')).toEqual([
      ['text', 'by'],
      ['one, two', 'say "hi"'],
      ['line 1\nline 2', 'x'],
    ]);
  });
  it('reads CRLF line ends, CRLF inside quotes and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x\r\ny",2\r\n')).toEqual([['a', 'b'], ['x\r\ny', '2']]);
    expect(csvTable('\uFEFFRecommendation,State\r\nr,s\r\n').header).toEqual(['Recommendation', 'State']);
  });
  it('keeps empty fields, a quoted empty field and a last row without a line break', () => {
    expect(parseCsv('a,,""\n,b,')).toEqual([['a', '', ''], ['', 'b', '']]);
  });
  it('reports an unclosed quote and stray quotes with their line', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(CsvError);
    try {
      parseCsv('a,b\nx,"y"z\n');
    } catch (error) {
      expect((error as CsvError).line).toBe(2);
    }
    expect(() => parseCsv('a,b\nx,y"z\n')).toThrow(/quote inside an unquoted field/);
  });
});
