// Keeps vitest's output readable: short test names for hostile inputs, and log lines captured instead of
// printed (shown only when the test that produced them fails).
import { onTestFailed, vi } from 'vitest';

const MAX_LABEL = 40;

/**
 * A short, printable name for a test input: `"x" × 10000` for a repeated string, the start and the length
 * for any other long one, the JSON string otherwise (so control characters show as escapes).
 */
export function describeInput(input: string): string {
  if (input.length <= MAX_LABEL) return JSON.stringify(input);
  for (let period = 1; period <= MAX_LABEL && period * 2 <= input.length; period++) {
    const unit = input.slice(0, period);
    if (input.length % period === 0 && unit.repeat(input.length / period) === input) return `${JSON.stringify(unit)} × ${input.length / period}`;
  }
  return `${JSON.stringify(input.slice(0, MAX_LABEL - 10))}… (${input.length} chars)`;
}

/** Pairs each input with its short name, for `it.each(labelled(inputs))('%s …', (_name, input) => …)`. */
export function labelled(inputs: readonly string[]): [string, string][] {
  return inputs.map((input) => [describeInput(input), input]);
}

/**
 * Runs `action` with process.stderr captured (code that builds its own stderr logger, e.g. `rights digest
 * --send` in-process) and returns the captured lines. Call it inside a test: if that test fails, the lines
 * are printed after all, to help find out why.
 */
export async function captureStderr<T>(action: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const chunks: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  onTestFailed(() => {
    if (chunks.length) write(`captured stderr:\n${chunks.join('')}`);
  });
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  });
  try {
    const result = await action();
    return { result, lines: chunks.join('').split('\n').filter(Boolean) };
  } finally {
    spy.mockRestore();
  }
}
