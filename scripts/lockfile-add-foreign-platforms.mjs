// The registry reachable here does not serve other platforms' native packages, so a lockfile written
// here lacks them and `npm ci` refuses it as "not in sync". This adds the missing entries with their
// os/cpu, so npm ci skips them by platform (it never downloads them). Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));

function platformOf(name) {
  const os = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'sunos', 'aix'].find((o) => name.includes(`-${o}-`));
  const cpu = name.includes('wasm32')
    ? 'wasm32'
    : ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64'].find((c) => new RegExp(`-${c}(-|$)`).test(name));
  return { os, cpu };
}

let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const path = `node_modules/${dep}`;
    if (lock.packages[path] || !/^\d+\.\d+\.\d+/.test(version)) continue;
    const { os, cpu } = platformOf(dep);
    if (!os && cpu !== 'wasm32') continue;
    lock.packages[path] = { version, optional: true, ...(os ? { os: [os] } : {}), cpu: [cpu] };
    added += 1;
    console.log(`added ${path}@${version} (${os ?? '-'}/${cpu}) for ${key}`);
  }
}
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} entries added`);
