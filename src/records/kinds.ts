// The five kinds of records (no schema library here: cheap to import from entry points).
export const KINDS = ['session', 'treaty', 'recommendation', 'speaker', 'observance'] as const;
export type Kind = (typeof KINDS)[number];
