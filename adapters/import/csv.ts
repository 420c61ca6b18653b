// A small RFC 4180 CSV parser: quoted fields, doubled quotes, commas and line breaks inside quotes,
// CRLF or LF line ends, a leading byte-order mark. No dependency: the format is small and the
// errors we need (row and column of a problem) are easier to give from our own code.

export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based line of the file where the problem is. */
    readonly line: number,
  ) {
    super(message);
  }
}

/** Parses CSV text into rows of fields. A blank last line (the file's final line break) is not a row. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  /** Whether the current field began with a quote (so text after its closing quote is an error). */
  let wasQuoted = false;
  let line = 1;
  let quoteLine = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) throw new CsvError('a quote inside an unquoted field (quote the whole field and double the quote: "")', line);
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
      i++;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      line++;
      i += 2;
    } else if (c === '\n' || c === '\r') {
      endRow();
      line++;
      i++;
    } else {
      if (wasQuoted) throw new CsvError('text after a closing quote (double a quote inside a quoted field: "")', line);
      field += c;
      i++;
    }
  }
  if (quoted) throw new CsvError('a quoted field is never closed', quoteLine);
  if (field !== '' || wasQuoted || row.length > 0) endRow();
  return rows;
}

/** CSV text as a header and data rows (blank lines kept as rows of one empty field, so row numbers hold). */
export function csvTable(input: string): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = parseCsv(input);
  return { header: header.map((h) => h.trim()), rows };
}
