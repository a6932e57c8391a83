import { getI18n } from '@/app/i18n/server';
import { PublicNotFoundMessage } from './_ui/public-not-found';

/**
 * A public record that does not exist or is not published: rendered inside the public layout, which
 * already gives the page its one <main> (the site-wide app/not-found.tsx brings its own).
 */
export default async function PublicNotFound() {
  const { t } = await getI18n();
  return <PublicNotFoundMessage t={t} />;
}
