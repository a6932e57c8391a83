import { getI18n } from '@/app/i18n/server';
import { NotFoundMessage } from '@/app/ui/not-found-message';

export default async function WorkspaceNotFound() {
  const { t } = await getI18n();
  return <NotFoundMessage t={t} />;
}
