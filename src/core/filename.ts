/** File names from titles: a readable ASCII-ish slug, safe on Windows, macOS and Linux. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

export function slugify(title: string, maxLength = 80): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // Latin accents go (é → e); other scripts' marks are recomposed below
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  if (!slug || WINDOWS_RESERVED.test(slug)) return slug ? `${slug}-article` : 'article';
  return slug;
}
