// Command-line options of the benchmark and its worker processes: `--name value` and bare `--flag`.

export class BenchArgs {
  private readonly values = new Map<string, string>();
  private readonly flags = new Set<string>();

  constructor(argv: readonly string[]) {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] ?? '';
      if (!arg.startsWith('--')) throw new Error(`[bench] unexpected argument "${arg}"`);
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        this.values.set(arg.slice(2), next);
        i += 1;
      } else this.flags.add(arg.slice(2));
    }
  }

  flag(name: string): boolean {
    return this.flags.has(name);
  }

  string(name: string): string | undefined {
    return this.values.get(name);
  }

  number(name: string, fallback: number): number {
    const raw = this.values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`[bench] --${name} expects a number, got "${raw}"`);
    return n;
  }

  list(name: string): number[] | undefined {
    return this.values.get(name)?.split(',').map((s) => Number(s.trim().replace(/_/g, ''))).filter((n) => Number.isFinite(n) && n > 0);
  }
}
