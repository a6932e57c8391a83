-- Kazakh labels for the vocabulary terms shipped in fixtures/kazakhstan-2017.json, for databases
-- loaded before the file had them (the demo loads its records once and never again). Only a term
-- still carrying the shipped English label and no Kazakh one is touched: an administrator's own
-- wording is kept. Drafted carefully; waiting for review by a native speaker (see the README).
UPDATE "vocabulary_terms" AS t
SET "labels" = t."labels" || jsonb_build_object('kk', v.kk)
FROM (VALUES
  ('violation_type', 'judicial_harassment', 'Judicial harassment', 'Сот арқылы қудалау'),
  ('violation_type', 'criminal_charges', 'Criminal charges brought', 'Қылмыстық айып тағу'),
  ('violation_type', 'conviction', 'Conviction or sentence', 'Айыптау үкімі немесе жаза'),
  ('violation_type', 'denial_of_fair_trial', 'Denial of fair trial', 'Әділ сот талқылауына құқықтың бұзылуы'),
  ('violation_type', 'arbitrary_detention', 'Arrest or detention', 'Қамауға алу немесе ұстау'),
  ('violation_type', 'search_and_seizure', 'Search and seizure', 'Тінту және алып қою'),
  ('violation_type', 'threats_intimidation', 'Threats and intimidation', 'Қоқан-лоқы және қорқыту'),
  ('violation_type', 'physical_attack', 'Physical attack', 'Күш қолданып шабуыл жасау'),
  ('violation_type', 'attack_on_property', 'Attack on property', 'Мүлікке қол сұғу'),
  ('violation_type', 'ill_treatment', 'Ill-treatment in custody', 'Қамауда қатыгездік көрсету'),
  ('violation_type', 'dissolution_of_organization', 'Dissolution of an organization', 'Ұйымды тарату'),
  ('violation_type', 'administrative_sanction', 'Administrative fine or sanction', 'Әкімшілік айыппұл немесе жаза'),
  ('violation_type', 'civil_claim', 'Civil claim or damages', 'Азаматтық талап немесе зиянды өтеу'),
  ('violation_type', 'restriction_of_movement', 'Restriction of movement', 'Жүріп-тұру бостандығын шектеу'),
  ('violation_type', 'ban_on_activity', 'Ban on public activity', 'Қоғамдық қызметке тыйым салу'),
  ('violation_type', 'obstruction_of_assembly', 'Obstruction of peaceful assembly', 'Бейбіт жиналыстарға кедергі келтіру'),
  ('violation_type', 'obstruction_of_media', 'Obstruction of journalists', 'Журналистердің жұмысына кедергі келтіру'),
  ('violation_type', 'website_blocking', 'Website blocking', 'Сайтты бұғаттау'),
  ('violation_type', 'financial_pressure', 'Tax inspection or financial pressure', 'Салықтық тексеру немесе қаржылық қысым'),
  ('violation_type', 'raid', 'Raid on premises', 'Үй-жайға рейд жасау'),
  ('violation_type', 'forced_psychiatric_treatment', 'Forced psychiatric treatment', 'Мәжбүрлеп психиатриялық емдеу'),
  ('violation_type', 'defamation_proceedings', 'Defamation proceedings', 'Жала жабу үшін қудалау'),
  ('violation_type', 'transfer_far_from_home', 'Imprisonment far from home', 'Жазаны үйден алыста өтеу'),
  ('defender_category', 'trade_unionist', 'Trade unionist', 'Кәсіподақ белсендісі'),
  ('defender_category', 'journalist', 'Journalist', 'Журналист'),
  ('defender_category', 'lawyer', 'Lawyer', 'Адвокат'),
  ('defender_category', 'human_rights_defender', 'Human rights defender', 'Құқық қорғаушы'),
  ('defender_category', 'civil_society_activist', 'Civil society activist', 'Азаматтық белсенді'),
  ('defender_category', 'religious_believer', 'Member of a religious community', 'Діни қауымдастық мүшесі'),
  ('defender_category', 'political_activist', 'Political or opposition activist', 'Саяси немесе оппозициялық белсенді'),
  ('defender_category', 'worker', 'Worker taking collective action', 'Ұжымдық әрекетке қатысқан жұмысшы'),
  ('defender_category', 'relative', 'Relative or associate of a defender', 'Құқық қорғаушының туысы немесе серігі'),
  ('defender_category', 'organization', 'Civil society organization', 'Азаматтық қоғам ұйымы'),
  ('perpetrator_type', 'police', 'Police', 'Полиция'),
  ('perpetrator_type', 'court', 'Court', 'Сот'),
  ('perpetrator_type', 'prosecutor', 'Prosecutor', 'Прокуратура'),
  ('perpetrator_type', 'security_service', 'Security service', 'Арнаулы қызмет'),
  ('perpetrator_type', 'tax_authority', 'Tax authority', 'Салық органы'),
  ('perpetrator_type', 'prison_administration', 'Prison administration', 'Қамау орнының әкімшілігі'),
  ('perpetrator_type', 'internet_provider', 'Internet provider', 'Интернет-провайдер'),
  ('perpetrator_type', 'private_company', 'Private company or official acting privately', 'Жеке компания немесе жеке тұлға ретінде әрекет еткен лауазымды адам'),
  ('perpetrator_type', 'fellow_detainees', 'Fellow detainees', 'Бірге қамауда отырғандар'),
  ('perpetrator_type', 'unknown', 'Unknown', 'Белгісіз')
) AS v(kind, code, en, kk)
WHERE t."kind"::text = v.kind AND t."code" = v.code AND t."labels"->>'en' = v.en AND t."labels"->>'kk' IS NULL;
