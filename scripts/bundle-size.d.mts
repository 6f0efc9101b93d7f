// Types for scripts/bundle-size.mjs (used by the TypeScript bench scripts).
export interface Size {
  raw: number;
  gzip: number;
}
export const CONTENT_SCRIPT_GZIP_BUDGET: number;
export const CONTENT_SCRIPT: string;
export function fileSize(file: string): Size;
export function pageFiles(dir: string, page: string): string[];
export function totalSize(dir: string, files: string[]): Size;
export function kib(bytes: number): string;
export function describe(s: Size): string;
