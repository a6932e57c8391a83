import type { Messages } from './en';

/**
 * Kazakh: the frame of the workspace so far (navigation, sign-in, statuses, the list, the incident
 * page). Keys left out fall back to English until a translator completes them.
 */
export const kk: Partial<Messages> = {
  'app.name': 'HRD Monitor',
  'app.tagline': 'Құқық қорғаушыларға жасалған шабуылдарды құжаттау',
  'app.skipToContent': 'Негізгі мазмұнға өту',
  'app.loading': 'Жүктелуде…',

  'lang.label': 'Тіл',

  'nav.label': 'Негізгі мәзір',
  'nav.incidents': 'Оқиғалар',
  'nav.newIncident': 'Жаңа оқиға',
  'header.account': 'Сіздің есептік жазбаңыз',
  'header.signOut': 'Шығу',
  'header.signingOut': 'Шығуда…',

  'role.monitor': 'Мониторшы',
  'role.reviewer': 'Тексеруші',
  'role.admin': 'Әкімші',

  'status.draft': 'Жоба',
  'status.submitted': 'Тексеруде',
  'status.changes_requested': 'Түзету қажет',
  'status.approved': 'Мақұлданды',
  'status.published': 'Жарияланды',
  'status.archived': 'Мұрағатта',

  'precision.day': 'Күн',
  'precision.month': 'Ай',
  'precision.year': 'Жыл',

  'field.title': 'Атауы',
  'field.summary': 'Сипаттамасы',
  'field.status': 'Күйі',
  'field.date': 'Күні',
  'field.location': 'Орны',
  'field.violationTypes': 'Бұзушылық түрлері',
  'field.victims': 'Жәбірленушілер',
  'field.perpetrators': 'Құқық бұзушылар',
  'field.sources': 'Дереккөздер',

  'meta.signIn': 'Кіру',
  'meta.incidents': 'Оқиғалар',
  'meta.newIncident': 'Жаңа оқиға',
  'meta.incident': 'Оқиға',
  'meta.history': 'Оқиға тарихы',
  'meta.notFound': 'Табылмады',

  'signIn.heading': 'Кіру',
  'signIn.intro': 'Ұйымыңыз берген есептік жазбамен кіріңіз.',
  'signIn.email': 'Электрондық пошта',
  'signIn.password': 'Құпиясөз',
  'signIn.submit': 'Кіру',
  'signIn.submitting': 'Кіруде…',
  'signIn.failed':
    'Кіру сәтсіз аяқталды. Электрондық пошта мен құпиясөзді тексеріңіз; бірнеше сәтсіз әрекеттен кейін 15 минут күтіңіз.',

  'list.heading': 'Оқиғалар',
  'list.filters': 'Сүзу және сұрыптау',
  'list.status': 'Күйі',
  'list.anyStatus': 'Кез келген күй',
  'list.violationType': 'Бұзушылық түрі',
  'list.anyViolationType': 'Кез келген бұзушылық түрі',
  'list.region': 'Өңір',
  'list.anyRegion': 'Кез келген өңір',
  'list.text': 'Атауындағы немесе сипаттамасындағы сөздер',
  'list.sort': 'Сұрыптау',
  'list.apply': 'Оқиғаларды көрсету',
  'list.clear': 'Сүзгілерді тазалау',
  'list.col.title': 'Атауы',
  'list.col.date': 'Күні',
  'list.col.place': 'Орны',
  'list.col.violationTypes': 'Бұзушылық түрлері',
  'list.col.status': 'Күйі',
  'list.empty': 'Бұл сүзгілерге сәйкес оқиғалар жоқ.',
  'list.nextPage': 'Келесі бет',
  'list.firstPage': 'Бірінші бет',

  'incident.status': 'Күйі',
  'incident.date': 'Күні',
  'incident.place': 'Орны',
  'incident.violationTypes': 'Бұзушылық түрлері',
  'incident.summary': 'Сипаттамасы',
  'incident.victims': 'Жәбірленушілер',
  'incident.perpetrators': 'Құқық бұзушылар',
  'incident.sources': 'Дереккөздер',
  'incident.version': 'Нұсқа',
  'incident.edit': 'Оқиғаны өңдеу',
  'incident.history': 'Тарих',
  'incident.confidential': 'Құпия',

  'history.heading': 'Тарих',
  'history.version': '{n}-нұсқа',

  'notFound.heading': 'Табылмады',

  'form.headingNew': 'Жаңа оқиға',
  'form.headingEdit': 'Оқиғаны өңдеу',
  'form.save': 'Оқиғаны сақтау',
  'form.saving': 'Сақталуда…',
  'form.cancel': 'Бас тарту',
};
