import { defineConfig } from 'drizzle-kit';

// Migrations are generated against PGlite so that no server is needed to write them;
// the same SQL is applied to PGlite and to PostgreSQL servers by cli/migrate.ts.
export default defineConfig({
  dialect: 'postgresql',
  driver: 'pglite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: './.data/drizzle-kit' },
});
