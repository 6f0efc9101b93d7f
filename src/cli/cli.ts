/**
 * lectern CLI: `npm start -- [--format text|markdown|html|json] [--url URL] INPUT...`
 *
 * Inputs are processed one at a time and each result is written as soon as it is ready (the scorer passes up to
 * 2000 files at once), so memory stays flat. A failing input is reported and the others still run; the exit code
 * is 1 when any input failed, 2 on a usage error.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args.ts';
import { cleanPage } from './clean.ts';
import { errorLine, formatArticle, jsonErrorLine } from './format.ts';
import {
  DEFAULT_TIMEOUT_MS,   EvalUrls,
  InputError,
  isUrlInput,
  loadInput,
  MAX_DOWNLOAD_BYTES,
  oneLine,
} from './input.ts';
import { assertLooksLikeHtml } from './sniff.ts';

/** The sample article that ships with Lectern (printed when no input is given). */
export const SAMPLE_PATH = fileURLToPath(new URL('../../samples/telesur-iraq-drone.html', import.meta.url));
export const SAMPLE_URL =
  'https://www.telesurenglish.net/news/drone-strike-pushes-iraq-to-end-us-led-coalition-mission-20240208-0010.html';

const SHORT_USAGE = `${USAGE.split('\n')[0]}\nTry 'lectern --help' for more.`;

interface Job {
  /** What the user typed (the `path` of JSON output and of error lines). */
  label: string;
  /** What to load: a path, a file: URL or an http(s) URL. */
  source: string;
  /** Page URL for a file input, when known. */
  pageUrl: string | null;
}

/** Writes and waits until the chunk is handed to the OS, so output streams and memory stays flat. */
function write(stream: NodeJS.WriteStream, chunk: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(chunk, () => resolve());
  });
}

function timeoutMs(): number {
  const raw = Number(process.env.LECTERN_TIMEOUT_MS);
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_TIMEOUT_MS;
}

async function buildJobs(options: CliOptions): Promise<Job[]> {
  if (options.inputs.length === 0) {
    const rel = relative(process.cwd(), SAMPLE_PATH);
    const label = rel && !rel.startsWith('..') ? rel : SAMPLE_PATH;
    return [{ label, source: SAMPLE_PATH, pageUrl: options.url ?? SAMPLE_URL }];
  }
  const evalFile = process.env.EXTRACT_EVAL_URLS;
  const evalUrls = evalFile ? await EvalUrls.load(evalFile) : null;
  return options.inputs.map((input) => ({
    label: input,
    source: input,
    pageUrl: isUrlInput(input) ? null : (options.url ?? evalUrls?.lookup(input) ?? null),
  }));
}

async function run(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      await write(process.stderr, `lectern: ${err.message}\n${SHORT_USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (options.help) {
    await write(process.stdout, `${USAGE}\n`);
    return 0;
  }

  let jobs: Job[];
  try {
    jobs = await buildJobs(options);
  } catch (err) {
    await write(process.stderr, `lectern: EXTRACT_EVAL_URLS: ${oneLine(err)}\n`);
    return 2;
  }

  let failed = 0;
  let written = 0;
  for (const job of jobs) {
    try {
      const page = await loadInput(job.source, {
        pageUrl: job.pageUrl,
        timeoutMs: timeoutMs(),
        maxBytes: MAX_DOWNLOAD_BYTES,
      });
      assertLooksLikeHtml(page.bytes);
      const { article } = cleanPage(page.bytes, page.url, page.transportCharset);
      await write(process.stdout, formatArticle(options.format, job.label, article, written, new Date()));
      written += 1;
    } catch (err) {
      failed += 1;
      const message = err instanceof InputError ? err.message : `unexpected error: ${oneLine(err)}`;
      if (options.format === 'json') await write(process.stdout, jsonErrorLine(job.label, message));
      else await write(process.stderr, errorLine(job.label, message));
    }
  }
  return failed > 0 ? 1 : 0;
}

function fatal(err: unknown): never {
  if (process.env.LECTERN_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.stderr.write(`lectern: internal error: ${oneLine(err)}\n`);
  process.exit(1);
}

// A closed pipe (e.g. `lectern ... | head`) ends the run quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fatal(err);
});
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => fatal(err),
);
