import type { dailyWorkEn } from './daily-work.en';

/** Kazakh texts of the daily work: unfinished forms kept on the server, bulk sharing, the review shortcut. */
export const dailyWorkKk: Record<keyof typeof dailyWorkEn, string> = {
  'unfinished.keep': 'Кейін аяқтау үшін серверде сақтау',
  'unfinished.keeping': 'Сақталуда…',
  'unfinished.keepHint': 'Қазір аяқтай алмайтын пішін үшін: міндетті өрістері бос болса да, ол сол күйінде сақталады және оны тек сіз көресіз.',
  'unfinished.kept': 'Серверде {at} сақталды. Кейін инциденттер бетіндегі «Аяқталмаған пішіндер» бөлімінен аяқтаңыз; оны тек сіз көресіз.',
  'unfinished.resumed': 'Сіз {at} сақталған аяқталмаған пішінді жалғастырып жатырсыз. Инцидентті сақтағанда сақталған пішін өшіріледі.',
  'unfinished.gone': 'Бұл аяқталмаған пішін енді жоқ: ол инцидент ретінде сақталды немесе жойылды. Бұл жаңа бос пішін.',
  'unfinished.heading': 'Аяқталмаған пішіндер',
  'unfinished.intro': 'Аяқталмай тұрып серверде сақтаған жаңа инциденттеріңіз. Оларды тек сіз көресіз; инцидентті сақтағанда оның аяқталмаған пішіні өшіріледі.',
  'unfinished.untitled': '(әзірге атауы жоқ)',
  'unfinished.keptAt': '{at} сақталды',
  'unfinished.continue': 'Жалғастыру',
  'unfinished.continueNamed': '«{title}» жалғастыру',
  'unfinished.delete': 'Жою',
  'unfinished.deleteNamed': '«{title}» аяқталмаған пішінін жою',
  'unfinished.deleteQuestion': 'Бұл аяқталмаған пішінді жою керек пе? Ішіндегісін қайтару мүмкін болмайды.',
  'unfinished.deleted': '«{title}» аяқталмаған пішіні жойылды.',
  'problem.unfinishedForm.tooLarge': 'Пішін серверде сақтау үшін тым үлкен (ең көбі {maximum} кБ). Ең ұзын мәтіндерді қысқартыңыз немесе инцидентті сақтаңыз.',
  'problem.unfinishedForm.tooMany': 'Сізде {count} аяқталмаған пішін бар: алдымен біреуін аяқтаңыз немесе жойыңыз.',
  'audit.action.unfinished_form.keep': 'Инциденттің аяқталмаған пішіні сақталды',
  'audit.action.unfinished_form.update': 'Инциденттің аяқталмаған пішіні қайта сақталды',
  'audit.action.unfinished_form.delete': 'Инциденттің аяқталмаған пішіні жойылды',
  'audit.action.unfinished_form.finish': 'Аяқталмаған пішін инцидент ретінде сақталды',

  'bulk.shareNoTargets': 'Таңдалған инциденттердің барлығымен бөлісуге болатын ұйым жоқ.',
  'bulk.shareLeftOut': 'Таңдалған мына инциденттермен бөлісе алмайсыз, сондықтан олар қабылданбайды:',
  'bulk.shareLeftOutItem': '{title}: {reason}',

  'review.submitShortcut': 'Бұл бетте Ctrl+Enter (Mac-та ⌘+Enter) тексеруге жібереді.',
};
