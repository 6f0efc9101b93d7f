/** Command-line parsing for `lectern` (no dependency: the grammar is small). */

export const FORMATS = ['text', 'markdown', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  format: Format;
  /** Page URL for a single file input (`--url`). */
  url: string | null;
  /** Inputs exactly as given: file paths or http(s) URLs. Empty means "the bundled sample". */
  inputs: string[];
  help: boolean;
}

export const USAGE = `Usage: lectern [--format text|markdown|html|json] [--url URL] [INPUT...]

Cleans news pages into reader-mode articles. INPUT is an HTML file or an http(s) URL;
without INPUT, the sample article that ships with Lectern is cleaned.

Options:
  -f, --format FORMAT  text (default): citation header and paragraphs, "----" between inputs
                       markdown: YAML front matter, then the article as Markdown
                       html: a standalone HTML page (reading styles inline, sanitized, source link)
                       json: one JSON object per input per line (JSON Lines)
  -u, --url URL        the page URL of a single file input (resolves relative links;
                       default: file:// + the file's absolute path)
  -h, --help           show this help

Environment:
  EXTRACT_EVAL_URLS    JSON file mapping input path -> page URL
  LECTERN_TIMEOUT_MS   timeout for a URL input (default 20000)

Exit status: 0 success, 1 some input failed, 2 usage error.`;

/** A mistake in the command line: exit 2 with the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { format: 'text', url: null, inputs: [], help: false };
  let formatSeen = false;
  let urlSeen = false;
  let i = 0;

  const valueOf = (flag: string, inline: string | undefined): string => {
    if (inline !== undefined) {
      if (inline === '') throw new UsageError(`${flag} needs a value`);
      return inline;
    }
    const next = argv[i + 1];
    if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${flag} needs a value`);
    i += 1;
    return next;
  };

  for (; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') {
      options.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (arg === '-') throw new UsageError('reading from standard input is not supported; give a file or URL');
      if (arg === '') throw new UsageError('empty input name');
      options.inputs.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    switch (name) {
      case '-h':
      case '--help':
        if (inline !== undefined) throw new UsageError(`${name} takes no value`);
        options.help = true;
        break;
      case '-f':
      case '--format': {
        if (formatSeen) throw new UsageError('--format given twice');
        formatSeen = true;
        const value = valueOf('--format', inline).toLowerCase();
        const format = value === 'md' ? 'markdown' : value;
        if (!(FORMATS as readonly string[]).includes(format)) {
          throw new UsageError(`unknown format "${value}" (expected text, markdown, html or json)`);
        }
        options.format = format as Format;
        break;
      }
      case '-u':
      case '--url': {
        if (urlSeen) throw new UsageError('--url given twice');
        urlSeen = true;
        const value = valueOf('--url', inline);
        if (!isHttpUrl(value)) throw new UsageError(`--url must be an absolute http(s) URL, got "${value}"`);
        options.url = new URL(value).href;
        break;
      }
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }

  if (options.help) return options;
  if (options.url !== null) {
    if (options.inputs.length > 1) throw new UsageError('--url applies to a single input, but several were given');
    const only = options.inputs[0];
    if (only !== undefined && isHttpUrl(only)) {
      throw new UsageError('--url applies to a file input; a URL input uses its own (final) URL');
    }
  }
  return options;
}
