/**
 * The CLI's pipeline (cleanPage: jsdom + extract, as `npm start` runs it) on the pathological pages of
 * tests/security/pathological.ts: each answers with an article or a one-line "too large to clean" error within
 * CLI_BOUND_MS, and the process's memory stays under CLI_RSS_MB. Measured values go to
 * test-results/security/robustness-cli.json.
 */
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/cli/clean.ts';
import { InputError } from '../../src/cli/input.ts';
import { PATHOLOGICAL } from '../security/pathological.ts';
import { recordCounts } from '../security/report.ts';

const CLI_BOUND_MS = 30_000;
const CLI_RSS_MB = 2_500;

describe('pathological pages through the CLI pipeline (jsdom)', () => {
  const results: Record<string, unknown> = {};
  it.each(PATHOLOGICAL.map((p) => [p.name, p] as const))('%s: an article or "too large to clean", in bounded time and memory', async (_name, p) => {
    const bytes = Buffer.from(p.make(), 'utf8');
    const started = performance.now();
    let outcome: string;
    try {
      const { article } = cleanPage(bytes, `https://news.test/generated/${p.name}`, null);
      outcome = article.text.includes('Paragraph 1') ? 'article' : 'article without the story';
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const message = (err as Error).message;
      expect(message).toMatch(/^(?:too large to clean|This page is too large to clean)/);
      expect(message).not.toContain('\n');
      outcome = `too-large: ${message}`;
    }
    const ms = Math.round(performance.now() - started);
    const rssMb = Math.round(process.memoryUsage().rss / 1e6);
    results[p.name] = { bytes: bytes.length, outcome, ms, rssMb };
    console.log(`[security] cli ${p.name}: ${JSON.stringify(results[p.name])}`);
    const expected = p.expectCli ?? p.expect;
    if (expected !== 'either') expect(outcome.startsWith(expected), outcome).toBe(true);
    expect(ms).toBeLessThan(CLI_BOUND_MS);
    expect(rssMb).toBeLessThan(CLI_RSS_MB);
    await new Promise(setImmediate);
  }, 120_000);
  it('counts', () => {
    recordCounts('robustness-cli', { bounds: { CLI_BOUND_MS, CLI_RSS_MB }, ...results });
    expect(Object.keys(results)).toHaveLength(PATHOLOGICAL.length);
  });
});
