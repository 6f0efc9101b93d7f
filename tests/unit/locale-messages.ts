/** browser.i18n.getMessage over a _locales file, for tests of code that renders messages (no browser here). */
import { readFileSync } from 'node:fs';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** `t(key, substitutions)` as Chrome implements it: $NAME$ → the placeholder's content, $1…$9 → substitutions. Throws on a missing key. */
export function messagesOf(locale: string): (key: string, substitutions?: string | string[]) => string {
  const messages = JSON.parse(readFileSync(`_locales/${locale}/messages.json`, 'utf8')) as Record<string, Entry>;
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message ${key} in _locales/${locale}`);
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
    const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => fill(placeholders[name.toLowerCase()] ?? '')).replace(/\$\$/g, '$');
  };
}
