#!/usr/bin/env node
// `npm run bundle:size` (after `npm run build`): the first-load JavaScript of the public pages,
// gzipped, from the build's own manifests; exits 1 when one is above the budget.
//
// First-load JavaScript of an App Router page = the root main files every page loads
// (.next/build-manifest.json `rootMainFiles`) + the entry chunks of the page's layouts, page and
// boundaries (`entryJSFiles` in the page's client reference manifest, which Next 16 writes as
// .next/server/app/<route>/page_client-reference-manifest.js). Polyfills are left out: they are
// loaded with `nomodule`, so current browsers never fetch them. Sizes are gzip level 9, in kB of 1000 bytes.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

const budgetKB = Number(process.env.PUBLIC_JS_BUDGET_KB ?? 150);
const root = path.resolve(import.meta.dirname, '..');
const next = path.join(root, '.next');
const serverApp = path.join(next, 'server', 'app');

if (!existsSync(path.join(next, 'build-manifest.json'))) {
  console.error('No build found in .next: run `npm run build` first.');
  process.exit(2);
}

/** Every page's client reference manifest under a folder of .next/server/app, as [route, file]. */
function pageManifests(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...pageManifests(full));
    else if (entry.name === 'page_client-reference-manifest.js') found.push(full);
  }
  return found;
}

/** The manifest's key ("/(public)/dashboard/page") and the address people use ("/dashboard"). */
function routeOf(file) {
  const key = `/${path.relative(serverApp, file).replace(/_client-reference-manifest\.js$/, '').split(path.sep).join('/')}`;
  const address = key.replace(/\/page$/, '').replace(/\/\([^/)]+\)/g, '') || '/';
  return { key, address };
}

function entryFiles(file, key) {
  const context = { globalThis: {} };
  context.self = context.globalThis;
  vm.runInNewContext(readFileSync(file, 'utf8'), context);
  const manifest = context.globalThis.__RSC_MANIFEST?.[key];
  if (!manifest?.entryJSFiles) throw new Error(`${path.relative(root, file)} has no entryJSFiles for ${key}: has the Next.js build output changed?`);
  return Object.values(manifest.entryJSFiles).flat();
}

const gzipped = new Map();
function gzipSize(file) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(next, file)), { level: 9 }).length);
  return gzipped.get(file);
}

const buildManifest = JSON.parse(readFileSync(path.join(next, 'build-manifest.json'), 'utf8'));
const rootMain = buildManifest.rootMainFiles ?? [];

function firstLoad(file) {
  const { key, address } = routeOf(file);
  const files = [...new Set([...rootMain, ...entryFiles(file, key).map((f) => f.replace(/^\/?_next\//, ''))])];
  const bytes = files.reduce((sum, f) => sum + gzipSize(f), 0);
  return { address, files: files.length, kB: bytes / 1000 };
}

const publicDir = path.join(serverApp, '(public)');
if (!existsSync(publicDir)) {
  console.error('The build has no app/(public) pages.');
  process.exit(2);
}
const publicPages = pageManifests(publicDir).map(firstLoad).sort((a, b) => a.address.localeCompare(b.address));
const others = existsSync(path.join(serverApp, 'sign-in')) ? pageManifests(path.join(serverApp, 'sign-in')).map(firstLoad) : [];
const workspace = pageManifests(serverApp)
  .filter((file) => file.includes(`${path.sep}(workspace)${path.sep}`))
  .map(firstLoad)
  .sort((a, b) => b.kB - a.kB)
  .slice(0, 1);

console.log(`First-load JavaScript, gzipped (budget for public pages: ${budgetKB} kB)`);
const row = (page, note) => console.log(`  ${page.address.padEnd(36)} ${page.kB.toFixed(1).padStart(7)} kB  ${String(page.files).padStart(3)} files  ${note}`);
let over = 0;
for (const page of publicPages) {
  const ok = page.kB <= budgetKB;
  if (!ok) over++;
  row(page, ok ? 'ok' : `OVER BUDGET by ${(page.kB - budgetKB).toFixed(1)} kB`);
}
for (const page of others) row(page, '(sign-in, for comparison)');
for (const page of workspace) row(page, '(heaviest workspace page, for comparison)');
if (over > 0) {
  console.error(`${over} public page(s) ship more than ${budgetKB} kB of JavaScript on first load.`);
  process.exit(1);
}
