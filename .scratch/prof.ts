import postgres from 'postgres';
import { publicSearchColumns } from '../server/services/search/public-document';
async function main() {
const c = postgres('postgres://postgres@127.0.0.1:5432/hrd_bench_search_small', { max: 1 });
let t = performance.now();
const rows = await c.unsafe(`SELECT incident_id, title, summary, region, locality, victims, perpetrators, legal, sources FROM public_incidents`);
console.log('read', performance.now() - t); t = performance.now();
const cols = rows.map((r: any) => publicSearchColumns(r));
console.log('fold', performance.now() - t); t = performance.now();
await c.unsafe(`SELECT to_tsvector('russian', search_text) || to_tsvector('simple', search_keys) FROM public_incidents`);
console.log('tsvector', performance.now() - t);
await c.end();

}
main();