import { PageLinks } from '@/app/ui/site-header';
import { linkClass } from '@/app/ui/styles';
import type { Translate } from '@/common/i18n';
import { publicPages } from './public-header';

/** "Not found" in public words, with links to the public pages rather than to the staff sign-in. */
export function PublicNotFoundMessage({ t }: { t: Translate }) {
  return (
    <div className="max-w-2xl py-8">
      <h1 className="text-2xl font-semibold">{t('notFound.heading')}</h1>
      <p className="mt-4 text-slate-700">{t('public.notFound.body')}</p>
      <PageLinks pages={publicPages} t={t} className="mt-6 flex flex-wrap gap-x-6 gap-y-2" linkClassName={linkClass} />
    </div>
  );
}
