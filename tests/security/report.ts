/**
 * Counts the security tests measure (hostile pages tried, vectors, fuzz cases, …), written to
 * test-results/security/<name>.json so docs/security.md can quote the numbers of a real run, and printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SECURITY_RESULTS = path.join(ROOT, 'test-results/security');

export function recordCounts(name: string, counts: Record<string, unknown>): void {
  mkdirSync(SECURITY_RESULTS, { recursive: true });
  writeFileSync(path.join(SECURITY_RESULTS, `${name}.json`), `${JSON.stringify({ name, at: new Date().toISOString(), ...counts }, null, 2)}\n`);
  console.log(`[security] ${name}: ${JSON.stringify(counts)}`);
}

/** Runs for property tests: modest by default (CI), more with LECTERN_FUZZ_RUNS=N for long local runs. */
export function fuzzRuns(defaultRuns: number): number {
  const n = Number(process.env.LECTERN_FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : defaultRuns;
}

/** Fixed seed, so a failure reproduces; LECTERN_FUZZ_SEED=N explores others. */
export function fuzzSeed(): number {
  const n = Number(process.env.LECTERN_FUZZ_SEED);
  return Number.isInteger(n) ? n : 20240208;
}
