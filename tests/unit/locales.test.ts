/**
 * _locales: English, German and Arabic at least; every locale has exactly English's keys, the same
 * placeholders (declared and used in the message), no empty message, and no English left untranslated in
 * longer strings (a sign of a copied file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
const dir = join(import.meta.dirname, '../../_locales');
const load = (code: string): Record<string, Entry> => JSON.parse(readFileSync(join(dir, code, 'messages.json'), 'utf8')) as Record<string, Entry>;
const en = load('en');
const locales = readdirSync(dir).filter((d) => d !== 'en').sort();
/** $NAME$ references in a message (Chrome's placeholder syntax; $$ is a literal dollar). */
const used = (m: string): string[] => [...m.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toUpperCase()).sort();
const declared = (e: Entry): string[] => Object.keys(e.placeholders ?? {}).map((k) => k.toUpperCase()).sort();

describe('_locales', () => {
  it('has English, German and Arabic', () => {
    expect(locales).toEqual(expect.arrayContaining(['ar', 'de']));
  });
  it('English itself: every placeholder a message uses is declared, and every declared one is used', () => {
    for (const [key, e] of Object.entries(en)) expect(used(e.message), key).toEqual(declared(e));
  });
  for (const code of locales) {
    describe(code, () => {
      const messages = load(code);
      it('has exactly the English keys', () => {
        expect(Object.keys(messages).filter((k) => !(k in en))).toEqual([]);
        expect(Object.keys(en).filter((k) => !(k in messages))).toEqual([]);
      });
      it('uses and declares the same placeholders as English, with the same contents', () => {
        for (const [key, e] of Object.entries(messages)) {
          const source = en[key];
          if (!source) continue;
          expect(used(e.message), `${code}/${key} uses`).toEqual(used(source.message));
          expect(declared(e), `${code}/${key} declares`).toEqual(declared(source));
          for (const [name, p] of Object.entries(source.placeholders ?? {})) expect(e.placeholders?.[name]?.content, `${code}/${key} $${name}$`).toBe(p.content);
        }
      });
      it('translates: no empty message, and sentences differ from English', () => {
        for (const [key, e] of Object.entries(messages)) {
          expect(e.message.trim(), `${code}/${key}`).not.toBe('');
          const source = en[key]?.message ?? '';
          if (source.split(' ').length >= 4) expect(e.message, `${code}/${key} is still English`).not.toBe(source);
        }
      });
    });
  }
});
