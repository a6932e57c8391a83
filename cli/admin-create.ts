/**
 * `npm run admin:create -- --email EMAIL --name NAME --org SLUG [--org-name NAME]`: the first
 * administrator of a new deployment (or another one when nobody can sign in any more). Works on
 * the configured database (DATABASE_URL, or the embedded folder), applies the migrations first,
 * prints a one-time set-password link and never asks anything: it can run from a provisioning script.
 */
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { formatMoment, type MessageKey } from '../common/i18n';
import { openConfiguredDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { AccountExistsError, commandLineAdminInput, createCommandLineAdmin } from '../server/services/admin/first-admin';
import { operatorLanguage, say, sharedRefusal } from './language';

const usage = say('cli.admin.usage');
const optionOf: Record<string, string> = { email: '--email', name: '--name', orgSlug: '--org', orgName: '--org-name' };

/** An argument's problem in the operator's language: the schema names the rule (a dictionary key), the path the option. */
function problemOf(issue: z.core.$ZodIssue): string {
  const maximum = 'maximum' in issue ? Number(issue.maximum) : 0;
  return say(issue.message as MessageKey, { option: optionOf[String(issue.path[0])] ?? '', maximum });
}

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
    throw new UserError(say('cli.admin.noPassword'));
  }
  if (values.email === undefined || values.name === undefined || values.org === undefined) throw new UserError(usage);
  const checked = commandLineAdminInput.safeParse({ email: values.email, name: values.name, orgSlug: values.org, orgName: values['org-name'] });
  if (!checked.success) throw new UserError(`${checked.error.issues.map(problemOf).join('\n')}\n${usage}`);
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
    const { name: organization, slug, created } = made.organization;
    console.log(say(created ? 'cli.admin.madeWithOrganization' : 'cli.admin.made', { name: input.name, email: input.email, organization, slug }));
    console.log(say('cli.admin.link', { until: formatMoment(made.link.expiresAt, operatorLanguage) }));
    console.log(`  ${appAddress()}/set-password#${made.link.token}`);
    if (!process.env.NEXTAUTH_URL) console.log(say('cli.admin.defaultAddress'));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UserError) console.error(error.message);
  else if (error instanceof AccountExistsError) console.error(say('cli.admin.accountExists', { email: error.email }));
  else console.error(sharedRefusal(error) ?? say('cli.admin.failed', { error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
