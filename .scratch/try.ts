import { searchKey, stemsOf, documentKeys } from '../server/services/search/words';
import { snippet } from '../server/services/search/snippet';
for (const w of ['Харькова','Kharkova','Харьковой','Шымкент','Shymkent','Шымкентте','Шымкенте','Қасым','Kassym','Eleusinova','Алматыдағы','Almaty','Kushakbayev','задержание','Мамай','Mamay','Қасымның'])
  console.log(w, searchKey(w), stemsOf(searchKey(w)).join(','));
console.log(documentKeys('Larisa Kharkova was convicted in Shymkent'));
console.log(JSON.stringify(snippet('The trial of Larisa Kharkova, chair of the KNPRK, opened in Shymkent. '.repeat(3), 'Харьковой шымкенте')));
