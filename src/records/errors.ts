// Validation problems of the seeds, located by file and line; light so entry points can catch them cheaply.

/** One validation problem, already located. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** Thrown when seeds are invalid; `problems` lists every one found, not just the first. */
export class RecordsError extends Error {
  readonly code = 'RECORDS_INVALID';
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'RecordsError';
  }
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}
