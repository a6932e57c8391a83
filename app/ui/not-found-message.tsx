import Link from 'next/link';
import type { Translate } from '@/common/i18n';
import { linkClass } from './styles';

export function NotFoundMessage({ t }: { t: Translate }) {
  return (
    <div className="max-w-2xl py-8">
      <h1 className="text-2xl font-semibold">{t('notFound.heading')}</h1>
      <p className="mt-4 text-slate-700">{t('notFound.body')}</p>
      <p className="mt-6">
        <Link href="/incidents" className={linkClass}>
          {t('nav.incidents')}
        </Link>
      </p>
    </div>
  );
}
