import type { dailyWorkEn } from './daily-work.en';

/** Russian texts of the daily work: unfinished forms kept on the server, bulk sharing, the review shortcut. */
export const dailyWorkRu: Record<keyof typeof dailyWorkEn, string> = {
  'unfinished.keep': 'Сохранить на сервере, чтобы закончить позже',
  'unfinished.keeping': 'Сохраняем…',
  'unfinished.keepHint': 'Для формы, которую сейчас не закончить: она сохраняется как есть, даже с пустыми обязательными полями, и видна только вам.',
  'unfinished.kept': 'Сохранено на сервере в {at}. Закончите позже из раздела «Незаконченные формы» на странице инцидентов; видно только вам.',
  'unfinished.resumed': 'Вы продолжаете незаконченную форму, сохранённую {at}. Сохранение инцидента удалит сохранённую форму.',
  'unfinished.gone': 'Этой незаконченной формы больше нет: её сохранили как инцидент или удалили. Это новая пустая форма.',
  'unfinished.heading': 'Незаконченные формы',
  'unfinished.intro': 'Новые инциденты, которые вы сохранили на сервере незаконченными. Их видите только вы; сохранение инцидента удаляет его незаконченную форму.',
  'unfinished.untitled': '(пока без названия)',
  'unfinished.keptAt': 'сохранено {at}',
  'unfinished.continue': 'Продолжить',
  'unfinished.continueNamed': 'Продолжить «{title}»',
  'unfinished.delete': 'Удалить',
  'unfinished.deleteNamed': 'Удалить незаконченную форму «{title}»',
  'unfinished.deleteQuestion': 'Удалить эту незаконченную форму? Её содержимое нельзя будет вернуть.',
  'unfinished.deleted': 'Незаконченная форма «{title}» удалена.',
  'problem.unfinishedForm.tooLarge': 'Форма слишком велика, чтобы сохранить её на сервере (не более {maximum} кБ). Сократите самые длинные тексты или сохраните инцидент.',
  'problem.unfinishedForm.tooMany': 'У вас уже {count} незаконченных форм: сначала закончите или удалите одну из них.',
  'audit.action.unfinished_form.keep': 'Незаконченная форма инцидента сохранена',
  'audit.action.unfinished_form.update': 'Незаконченная форма инцидента сохранена повторно',
  'audit.action.unfinished_form.delete': 'Незаконченная форма инцидента удалена',
  'audit.action.unfinished_form.finish': 'Незаконченная форма сохранена как инцидент',

  'bulk.shareNoTargets': 'Нет организации, с которой можно поделиться всеми выбранными инцидентами.',
  'bulk.shareLeftOut': 'Этими выбранными инцидентами вы поделиться не можете, поэтому они будут отклонены:',
  'bulk.shareLeftOutItem': '{title}: {reason}',

  'review.submitShortcut': 'Ctrl+Enter (⌘+Enter на Mac) на этой странице отправляет на проверку.',
};
