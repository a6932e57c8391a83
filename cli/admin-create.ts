/**
 * `npm run admin:create -- --email EMAIL --name NAME --org SLUG [--org-name NAME]`: the first
 * administrator of a new deployment (or another one when nobody can sign in any more). Works on
 * the configured database (DATABASE_URL, or the embedded folder), applies the migrations first,
 * prints a one-time set-password link and never asks anything: it can run from a provisioning script.
 */
import { parseArgs } from 'node:util';
import { openConfiguredDatabase } from '../db/client';
import { EmbeddedDatabaseInUseError } from '../db/embedded-lock';
import { applyMigrations } from '../db/migrate';
import { AccountExistsError, commandLineAdminInput, createCommandLineAdmin } from '../server/services/admin/first-admin';

const usage = 'Usage: npm run admin:create -- --email EMAIL --name NAME --org SLUG [--org-name "Organization name"]';

class UserError extends Error {}

function readArguments() {
  let parsed;
  try {
    parsed = parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' }, 'org-name': { type: 'string' }, password: { type: 'string' } },
      allowPositionals: false,
    });
  } catch (error) {
    throw new UserError(`${(error as Error).message}\n${usage}`);
  }
  const { values } = parsed;
  if (values.password !== undefined) {
    throw new UserError('This command never takes a password: it prints a link with which the person sets their own. Leave out --password.');
  }
  if (values.email === undefined || values.name === undefined || values.org === undefined) throw new UserError(usage);
  const checked = commandLineAdminInput.safeParse({ email: values.email, name: values.name, orgSlug: values.org, orgName: values['org-name'] });
  if (!checked.success) throw new UserError(`${checked.error.issues.map((issue) => issue.message).join('\n')}\n${usage}`);
  return checked.data;
}

/** Where people open the app: the link must point there, not at the machine that ran the command. */
function appAddress(): string {
  return (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

async function main(): Promise<void> {
  const input = readArguments();
  const database = await openConfiguredDatabase();
  try {
    await applyMigrations(database);
    const made = await createCommandLineAdmin(database.db, input);
    const organization = `“${made.organization.name}” (${made.organization.slug})${made.organization.created ? ', created now' : ''}`;
    console.log(`${input.name} <${input.email}> is an administrator of ${organization}.`);
    console.log(`Send them this one-time link to set their password (it works once, until ${made.link.expiresAt.toISOString()}):`);
    console.log(`  ${appAddress()}/set-password#${made.link.token}`);
    if (!process.env.NEXTAUTH_URL) console.log('(The address is http://localhost:3000 because NEXTAUTH_URL is not set: replace it with where people open the app.)');
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UserError || error instanceof AccountExistsError || error instanceof EmbeddedDatabaseInUseError) {
    console.error(error.message);
  } else {
    console.error(`No administrator was made: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
