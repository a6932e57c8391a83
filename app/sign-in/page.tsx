import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getI18n } from '@/app/i18n/server';
import { SignedOutCard } from '@/app/ui/signed-out-page';
import { getServerCaller } from '@/server/caller';
import { safeCallbackPath } from './safe-callback';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.signIn'), robots: { index: false, follow: false } };
}

/** A command, not prose: the same in every language. */
const firstAdminCommand = 'npm run admin:create -- --email you@example.org --name "Your name" --org your-organization';

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t } = await getI18n();
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  const caller = await getServerCaller();
  const viewer = await caller.viewer.me();
  if (viewer) redirect(callbackPath);
  if (await caller.factor.status().then((status) => status.gate, () => null)) redirect('/second-factor');
  const firstAdminNeeded = await caller.viewer.firstAdminNeeded();

  return (
    <SignedOutCard t={t} heading={t('signIn.heading')} intro={t('signIn.intro')} after={<p className="mt-6 text-center text-sm text-slate-600">{t('app.tagline')}</p>}>
      {firstAdminNeeded && (
        <section aria-labelledby="first-admin-heading" className="mt-6 rounded-md border border-amber-700 bg-amber-50 p-4">
          <h2 id="first-admin-heading" className="font-semibold text-amber-950">{t('signIn.firstAdmin.heading')}</h2>
          <p className="mt-1 text-sm text-amber-950">{t('signIn.firstAdmin.body')}</p>
          <pre className="mt-2 overflow-x-auto rounded bg-white p-2 text-xs"><code>{firstAdminCommand}</code></pre>
        </section>
      )}
      <div className="mt-6">
        <SignInForm callbackPath={callbackPath} />
      </div>
    </SignedOutCard>
  );
}
