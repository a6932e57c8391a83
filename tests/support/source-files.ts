import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every .ts and .tsx file below a folder: what the source scans (problem codes, dates written by hand) read. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
