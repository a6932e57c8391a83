/**
 * The child process of bench/public-api.ts: over real HTTP (node:http), the very handlers
 * app/api/public/v1/** export (server/public/api.ts), and beside them the floor (./api-floor.ts).
 * It prints "ready <app port> <floor port>" once both listen.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { benchDatabaseUrl } from '../public-database';
import { floorHandler } from './api-floor';

export async function serve(): Promise<void> {
  process.env.DATABASE_URL = benchDatabaseUrl();
  // This server stands as the one trusted proxy in front of the handlers, so that the address it
  // writes in X-Forwarded-For is the one the per-address limit counts; with the default (no trusted
  // proxy) every request would share one bucket, and the stats lines stopped at a 429.
  process.env.HRD_TRUSTED_PROXIES = '1';
  const { exportCsvGet, exportJsonGet, incidentsGet, statsGet } = await import('../../server/public/api');
  const handlers: Record<string, (request: Request) => Promise<Response>> = {
    '/api/public/v1/incidents': incidentsGet,
    '/api/public/v1/stats': statsGet,
    '/api/public/v1/export.csv': exportCsvGet,
    '/api/public/v1/export.json': exportJsonGet,
  };
  let client = 0;
  const app = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.local');
    if (url.pathname === '/__memory') return void send(res, 200, { maxRssMB: process.resourceUsage().maxRSS / 1024, rssMB: process.memoryUsage().rss / 1048576 });
    const handler = handlers[url.pathname];
    if (!handler) return void send(res, 404, { error: 'not_found' });
    // Each request from its own address, so the per-address rate limit does not throttle the benchmark.
    const headers = { 'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client++ & 255}` };
    handler(new Request(url, { headers }))
      .then((response) => answer(res, response))
      .catch((error: unknown) => {
        console.error(error);
        res.destroy();
      });
  });

  const floor = await floorHandler();
  const floorServer = createServer((req, res) => {
    floor(req, res).catch((error: unknown) => {
      console.error(error);
      res.destroy();
    });
  });
  await Promise.all([listen(app), listen(floorServer)]);
  console.log(`ready ${(app.address() as AddressInfo).port} ${(floorServer.address() as AddressInfo).port}`);
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Writes a fetch Response to node:http, streaming the body with backpressure as Next.js does. */
async function answer(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
}

const listen = (server: ReturnType<typeof createServer>) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
