/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'pino'],
  poweredByHeader: false,
  // `npm test` checks the types first (`npm run typecheck`: `next typegen`, then `tsc --noEmit` over the
  // whole project, route types included) and builds with HRD_TYPES_CHECKED=1: the build's own check of
  // the same files would find nothing new. A build on its own still checks them.
  typescript: { ignoreBuildErrors: process.env.HRD_TYPES_CHECKED === '1' },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};
module.exports = nextConfig;
