import { defineConfig } from 'drizzle-kit';

/** Used only to generate migration SQL (`npx drizzle-kit generate`); migrations are applied by the app itself. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
});
