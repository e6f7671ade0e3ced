import { memberState, isPartner } from '../../../shared/domain/countries';
import type { NameSource } from './names';

/**
 * What the demo generator knows about each country it draws applicants from: how often, how the
 * country gets written in the nationality field, where its people study, what names and mother
 * tongue they have. Membership comes from shared/domain/countries.ts, never from here.
 */

export interface Community {
  readonly weight: number;
  readonly names: NameSource;
  /** Mother tongue, in English, as "Other Languages" writes it. */
  readonly language: string;
  readonly englishNative?: boolean;
  readonly frenchNative?: boolean;
}

export type CountryGroup = 'member' | 'partner' | 'other';

export interface DemoCountry {
  readonly alpha2: string;
  readonly alpha3: string;
  /** English short name, as i18n-iso-countries would accept it. */
  readonly en: string;
  readonly fr: string;
  readonly group: CountryGroup;
  /** Relative weight within its group. */
  readonly weight: number;
  readonly callingCode: string;
  readonly universities: readonly string[];
  readonly communities: readonly Community[];
  /** Other ways applicants write it, with relative weights (the English name weighs 100). */
  readonly extraSpellings: ReadonlyArray<readonly [string, number]>;
}

interface CountryInput {
  en: string;
  fr: string;
  alpha3: string;
  weight: number;
  calling: string;
  universities: string;
  communities: Community[];
  extra?: Array<[string, number]>;
}

function one(names: NameSource, language: string, flags: Partial<Community> = {}): Community[] {
  return [{ weight: 1, names, language, ...flags }];
}

const COUNTRIES: Record<string, CountryInput> = {
  // --- member states ---
  BE: {
    en: 'Belgium', fr: 'Belgique', alpha3: 'BEL', weight: 8, calling: '32',
    universities: 'Université libre de Bruxelles|KU Leuven|Universiteit Gent|Université catholique de Louvain|Vrije Universiteit Brussel|Université de Liège|Universiteit Antwerpen|Université Saint-Louis - Bruxelles',
    communities: [
      { weight: 55, names: { faker: 'nl_BE' }, language: 'Dutch' },
      // faker's fr_BE family names are mostly its English ones; France's are closer to Wallonia's.
      { weight: 45, names: { faker: 'fr' }, language: 'French', frenchNative: true },
    ],
    extra: [['België', 2]],
  },
  CA: {
    en: 'Canada', fr: 'Canada', alpha3: 'CAN', weight: 2.5, calling: '1',
    universities: 'University of Toronto|McGill University|Université de Montréal|University of British Columbia|Carleton University|Université Laval|University of Ottawa',
    communities: [
      { weight: 78, names: { faker: 'en_US' }, language: 'English', englishNative: true },
      { weight: 22, names: { faker: 'fr' }, language: 'French', frenchNative: true },
    ],
  },
  DK: {
    en: 'Denmark', fr: 'Danemark', alpha3: 'DNK', weight: 1.2, calling: '45',
    universities: 'Københavns Universitet|Aarhus Universitet|Syddansk Universitet|Danmarks Tekniske Universitet|Copenhagen Business School',
    communities: one({ faker: 'da' }, 'Danish'),
    extra: [['Danmark', 1]],
  },
  FR: {
    en: 'France', fr: 'France', alpha3: 'FRA', weight: 11, calling: '33',
    universities: 'Sciences Po|Université Paris 1 Panthéon-Sorbonne|Université Paris-Saclay|Université de Strasbourg|Université Jean Moulin Lyon 3|Université de Bordeaux|Université Grenoble Alpes|Aix-Marseille Université|Université de Lille|Institut national des langues et civilisations orientales',
    communities: one({ faker: 'fr' }, 'French', { frenchNative: true }),
  },
  IS: {
    en: 'Iceland', fr: 'Islande', alpha3: 'ISL', weight: 0.2, calling: '354',
    universities: 'Háskóli Íslands|Háskólinn í Reykjavík',
    communities: one({ list: 'icelandic' }, 'Icelandic'),
  },
  IT: {
    en: 'Italy', fr: 'Italie', alpha3: 'ITA', weight: 12, calling: '39',
    universities: 'Università di Bologna|Sapienza Università di Roma|Università Bocconi|Università degli Studi di Milano|LUISS Guido Carli|Università degli Studi di Padova|Università di Pisa|Università degli Studi di Napoli Federico II|Università degli Studi di Firenze|Università Cattolica del Sacro Cuore',
    communities: one({ faker: 'it' }, 'Italian'),
    extra: [['Italia', 2]],
  },
  LU: {
    en: 'Luxembourg', fr: 'Luxembourg', alpha3: 'LUX', weight: 0.6, calling: '352',
    universities: 'Université du Luxembourg',
    communities: one({ list: 'luxembourgish' }, 'Luxembourgish'),
  },
  NL: {
    en: 'Netherlands', fr: 'Pays-Bas', alpha3: 'NLD', weight: 5, calling: '31',
    universities: 'Universiteit Leiden|Universiteit van Amsterdam|Rijksuniversiteit Groningen|Universiteit Utrecht|Maastricht University|Erasmus Universiteit Rotterdam|Technische Universiteit Delft|Radboud Universiteit',
    communities: one({ faker: 'nl' }, 'Dutch'),
    extra: [['The Netherlands', 18], ['Holland', 1], ['Nederland', 1]],
  },
  NO: {
    en: 'Norway', fr: 'Norvège', alpha3: 'NOR', weight: 1, calling: '47',
    universities: 'Universitetet i Oslo|Universitetet i Bergen|NTNU|Norges Handelshøyskole|UiT Norges arktiske universitet',
    communities: one({ faker: 'nb_NO' }, 'Norwegian'),
  },
  PT: {
    en: 'Portugal', fr: 'Portugal', alpha3: 'PRT', weight: 5, calling: '351',
    universities: 'Universidade de Lisboa|Universidade de Coimbra|Universidade do Porto|Universidade NOVA de Lisboa|Universidade Católica Portuguesa|ISCTE - Instituto Universitário de Lisboa',
    communities: one({ faker: 'pt_PT' }, 'Portuguese'),
  },
  GB: {
    en: 'United Kingdom', fr: 'Royaume-Uni', alpha3: 'GBR', weight: 6, calling: '44',
    universities: "King's College London|London School of Economics and Political Science|University of Oxford|University of Cambridge|University of Edinburgh|University of St Andrews|University College London|University of Warwick|University of Exeter|SOAS University of London",
    communities: one({ list: 'british' }, 'English', { englishNative: true }),
    extra: [['UK', 14], ['Great Britain', 4], ['England', 1], ['Scotland', 0.5], ['U.K.', 0.5]],
  },
  US: {
    en: 'United States', fr: 'États-Unis', alpha3: 'USA', weight: 4, calling: '1',
    universities: 'Georgetown University|Johns Hopkins University|Columbia University|George Washington University|Tufts University|University of Michigan|Stanford University|American University',
    communities: one({ faker: 'en_US' }, 'English', { englishNative: true }),
    extra: [['USA', 25], ['United States of America', 12], ['U.S.A.', 1], ['America', 0.5]],
  },
  GR: {
    en: 'Greece', fr: 'Grèce', alpha3: 'GRC', weight: 5, calling: '30',
    universities: 'National and Kapodistrian University of Athens|Aristotle University of Thessaloniki|University of Piraeus|Panteion University|Athens University of Economics and Business|University of Macedonia',
    communities: one({ list: 'greek' }, 'Greek'),
    extra: [['Hellas', 0.5]],
  },
  TR: {
    en: 'Türkiye', fr: 'Turquie', alpha3: 'TUR', weight: 4, calling: '90',
    universities: 'Boğaziçi Üniversitesi|Orta Doğu Teknik Üniversitesi|Bilkent Üniversitesi|İstanbul Üniversitesi|Ankara Üniversitesi|Koç Üniversitesi|Sabancı Üniversitesi|Galatasaray Üniversitesi',
    communities: one({ faker: 'tr' }, 'Turkish'),
    extra: [['Turkey', 45], ['Turkiye', 8]],
  },
  DE: {
    en: 'Germany', fr: 'Allemagne', alpha3: 'DEU', weight: 9, calling: '49',
    universities: 'Ludwig-Maximilians-Universität München|Humboldt-Universität zu Berlin|Freie Universität Berlin|Ruprecht-Karls-Universität Heidelberg|Universität Hamburg|Universität zu Köln|Hertie School|Eberhard Karls Universität Tübingen|Technische Universität München|Universität der Bundeswehr München|Rheinische Friedrich-Wilhelms-Universität Bonn',
    communities: one({ faker: 'de' }, 'German'),
    extra: [['Deutschland', 2]],
  },
  ES: {
    en: 'Spain', fr: 'Espagne', alpha3: 'ESP', weight: 9, calling: '34',
    universities: 'Universidad Complutense de Madrid|Universitat de Barcelona|Universidad Autónoma de Madrid|Universidad Carlos III de Madrid|Universitat Pompeu Fabra|Universidad de Salamanca|Universidad de Navarra|Universitat de València|Universidad de Granada|IE University',
    communities: one({ faker: 'es' }, 'Spanish'),
    extra: [['España', 2]],
  },
  CZ: {
    en: 'Czechia', fr: 'Tchéquie', alpha3: 'CZE', weight: 2, calling: '420',
    universities: 'Univerzita Karlova|Masarykova univerzita|České vysoké učení technické v Praze|Vysoká škola ekonomická v Praze|Univerzita Palackého v Olomouci',
    communities: one({ faker: 'cs_CZ' }, 'Czech'),
    extra: [['Czech Republic', 60], ['République tchèque', 1]],
  },
  HU: {
    en: 'Hungary', fr: 'Hongrie', alpha3: 'HUN', weight: 2, calling: '36',
    universities: 'Eötvös Loránd Tudományegyetem|Budapesti Corvinus Egyetem|Szegedi Tudományegyetem|Debreceni Egyetem|Nemzeti Közszolgálati Egyetem|Central European University',
    communities: one({ faker: 'hu' }, 'Hungarian'),
  },
  PL: {
    en: 'Poland', fr: 'Pologne', alpha3: 'POL', weight: 6, calling: '48',
    universities: 'Uniwersytet Warszawski|Uniwersytet Jagielloński|Uniwersytet im. Adama Mickiewicza w Poznaniu|Uniwersytet Wrocławski|Szkoła Główna Handlowa w Warszawie|Politechnika Warszawska|Uniwersytet Łódzki',
    communities: one({ faker: 'pl' }, 'Polish'),
    extra: [['Polska', 1]],
  },
  BG: {
    en: 'Bulgaria', fr: 'Bulgarie', alpha3: 'BGR', weight: 2.5, calling: '359',
    universities: 'Sofia University "St. Kliment Ohridski"|University of National and World Economy|New Bulgarian University|American University in Bulgaria',
    communities: one({ list: 'bulgarian' }, 'Bulgarian'),
  },
  EE: {
    en: 'Estonia', fr: 'Estonie', alpha3: 'EST', weight: 0.8, calling: '372',
    universities: 'Tartu Ülikool|Tallinna Tehnikaülikool|Tallinna Ülikool',
    communities: one({ list: 'estonian' }, 'Estonian'),
  },
  LV: {
    en: 'Latvia', fr: 'Lettonie', alpha3: 'LVA', weight: 1, calling: '371',
    universities: 'Latvijas Universitāte|Rīgas Stradiņa universitāte|Rīgas Tehniskā universitāte|Rīgas Juridiskā augstskola',
    communities: one({ faker: 'lv' }, 'Latvian'),
  },
  LT: {
    en: 'Lithuania', fr: 'Lituanie', alpha3: 'LTU', weight: 1.2, calling: '370',
    universities: 'Vilniaus universitetas|Kauno technologijos universitetas|Vytauto Didžiojo universitetas|Mykolo Romerio universitetas',
    communities: one({ list: 'lithuanian' }, 'Lithuanian'),
  },
  RO: {
    en: 'Romania', fr: 'Roumanie', alpha3: 'ROU', weight: 5, calling: '40',
    universities: 'Universitatea din București|Universitatea Babeș-Bolyai|Academia de Studii Economice din București|Universitatea „Alexandru Ioan Cuza” din Iași|Școala Națională de Studii Politice și Administrative',
    communities: one({ faker: 'ro' }, 'Romanian'),
    extra: [['România', 1]],
  },
  SK: {
    en: 'Slovakia', fr: 'Slovaquie', alpha3: 'SVK', weight: 1.2, calling: '421',
    universities: 'Univerzita Komenského v Bratislave|Slovenská technická univerzita v Bratislave|Univerzita Mateja Bela v Banskej Bystrici|Ekonomická univerzita v Bratislave',
    communities: one({ faker: 'sk' }, 'Slovak'),
    extra: [['Slovak Republic', 3]],
  },
  SI: {
    en: 'Slovenia', fr: 'Slovénie', alpha3: 'SVN', weight: 0.8, calling: '386',
    universities: 'Univerza v Ljubljani|Univerza v Mariboru|Univerza na Primorskem',
    communities: one({ faker: 'sl_SI' }, 'Slovenian'),
  },
  AL: {
    en: 'Albania', fr: 'Albanie', alpha3: 'ALB', weight: 1.2, calling: '355',
    universities: 'Universiteti i Tiranës|Universiteti Politeknik i Tiranës|Universiteti Europian i Tiranës',
    communities: one({ list: 'albanian' }, 'Albanian'),
  },
  HR: {
    en: 'Croatia', fr: 'Croatie', alpha3: 'HRV', weight: 1.5, calling: '385',
    universities: 'Sveučilište u Zagrebu|Sveučilište u Splitu|Sveučilište u Rijeci|Sveučilište Josipa Jurja Strossmayera u Osijeku',
    communities: one({ faker: 'hr' }, 'Croatian'),
    extra: [['Hrvatska', 1]],
  },
  ME: {
    en: 'Montenegro', fr: 'Monténégro', alpha3: 'MNE', weight: 0.5, calling: '382',
    universities: 'Univerzitet Crne Gore|Univerzitet Donja Gorica',
    communities: one({ faker: 'sr_RS_latin' }, 'Montenegrin'),
  },
  MK: {
    en: 'North Macedonia', fr: 'Macédoine du Nord', alpha3: 'MKD', weight: 1, calling: '389',
    universities: 'Ss. Cyril and Methodius University in Skopje|South East European University|University American College Skopje',
    communities: one({ list: 'macedonian' }, 'Macedonian'),
    extra: [['Republic of North Macedonia', 12], ['Macedonia', 4]],
  },
  FI: {
    en: 'Finland', fr: 'Finlande', alpha3: 'FIN', weight: 1.5, calling: '358',
    universities: 'Helsingin yliopisto|Aalto-yliopisto|Tampereen yliopisto|Turun yliopisto|Åbo Akademi',
    communities: one({ faker: 'fi' }, 'Finnish'),
    extra: [['Suomi', 0.5]],
  },
  SE: {
    en: 'Sweden', fr: 'Suède', alpha3: 'SWE', weight: 1.5, calling: '46',
    universities: 'Uppsala universitet|Lunds universitet|Stockholms universitet|Göteborgs universitet|Försvarshögskolan|KTH Kungliga Tekniska högskolan',
    communities: one({ faker: 'sv' }, 'Swedish'),
    extra: [['Sverige', 0.5]],
  },

  // --- Partnership for Peace partners ---
  UA: {
    en: 'Ukraine', fr: 'Ukraine', alpha3: 'UKR', weight: 4, calling: '380',
    universities: 'Taras Shevchenko National University of Kyiv|National University of Kyiv-Mohyla Academy|Ivan Franko National University of Lviv|V. N. Karazin Kharkiv National University',
    communities: one({ list: 'ukrainian' }, 'Ukrainian'),
  },
  CH: {
    en: 'Switzerland', fr: 'Suisse', alpha3: 'CHE', weight: 1.5, calling: '41',
    universities: 'Universität Zürich|ETH Zürich|Université de Genève|Geneva Graduate Institute|Universität Bern|Université de Lausanne|Universität St. Gallen',
    communities: [
      { weight: 65, names: { faker: 'de_CH' }, language: 'German' },
      { weight: 35, names: { faker: 'fr_CH' }, language: 'French', frenchNative: true },
    ],
    extra: [['Schweiz', 1]],
  },
  IE: {
    en: 'Ireland', fr: 'Irlande', alpha3: 'IRL', weight: 1.5, calling: '353',
    universities: 'Trinity College Dublin|University College Dublin|University College Cork|University of Galway|Dublin City University',
    communities: one({ list: 'irish' }, 'English', { englishNative: true }),
    extra: [['Republic of Ireland', 3], ['Éire', 0.5]],
  },
  AT: {
    en: 'Austria', fr: 'Autriche', alpha3: 'AUT', weight: 1.5, calling: '43',
    universities: 'Universität Wien|Wirtschaftsuniversität Wien|Universität Innsbruck|Karl-Franzens-Universität Graz|Technische Universität Wien',
    communities: one({ faker: 'de_AT' }, 'German'),
    extra: [['Österreich', 1]],
  },
  GE: {
    en: 'Georgia', fr: 'Géorgie', alpha3: 'GEO', weight: 1.2, calling: '995',
    universities: 'Ivane Javakhishvili Tbilisi State University|Ilia State University|Caucasus University',
    communities: one({ list: 'georgian' }, 'Georgian'),
  },
  MD: {
    en: 'Moldova', fr: 'Moldavie', alpha3: 'MDA', weight: 1, calling: '373',
    universities: 'Universitatea de Stat din Moldova|Academia de Studii Economice a Moldovei',
    communities: one({ faker: 'ro_MD' }, 'Romanian'),
    extra: [['Republic of Moldova', 25]],
  },
  RS: {
    en: 'Serbia', fr: 'Serbie', alpha3: 'SRB', weight: 1, calling: '381',
    universities: 'Univerzitet u Beogradu|Univerzitet u Novom Sadu|Univerzitet u Nišu',
    communities: one({ faker: 'sr_RS_latin' }, 'Serbian'),
  },
  AM: {
    en: 'Armenia', fr: 'Arménie', alpha3: 'ARM', weight: 0.5, calling: '374',
    universities: 'Yerevan State University|American University of Armenia',
    communities: one({ list: 'armenian' }, 'Armenian'),
  },
  AZ: {
    en: 'Azerbaijan', fr: 'Azerbaïdjan', alpha3: 'AZE', weight: 0.5, calling: '994',
    universities: 'ADA University|Baku State University',
    communities: one({ faker: 'az' }, 'Azerbaijani'),
  },
  BA: {
    en: 'Bosnia and Herzegovina', fr: 'Bosnie-Herzégovine', alpha3: 'BIH', weight: 0.6, calling: '387',
    universities: 'Univerzitet u Sarajevu|Sveučilište u Mostaru|Univerzitet u Banjoj Luci',
    communities: one({ faker: 'hr' }, 'Bosnian'),
    extra: [['Bosnia', 4], ['Bosnia & Herzegovina', 2]],
  },
  MT: {
    en: 'Malta', fr: 'Malte', alpha3: 'MLT', weight: 0.4, calling: '356',
    universities: 'University of Malta',
    communities: one({ list: 'maltese' }, 'Maltese'),
  },
  UZ: {
    en: 'Uzbekistan', fr: 'Ouzbékistan', alpha3: 'UZB', weight: 0.3, calling: '998',
    universities: 'National University of Uzbekistan|University of World Economy and Diplomacy',
    communities: one({ faker: 'uz_UZ_latin' }, 'Uzbek'),
  },

  // --- neither members nor partners ---
  BR: {
    en: 'Brazil', fr: 'Brésil', alpha3: 'BRA', weight: 1.5, calling: '55',
    universities: 'Universidade de São Paulo|Universidade Federal do Rio de Janeiro|Universidade de Brasília|Fundação Getulio Vargas|Pontifícia Universidade Católica do Rio de Janeiro',
    communities: one({ faker: 'pt_BR' }, 'Portuguese'),
    extra: [['Brasil', 3]],
  },
  IN: {
    en: 'India', fr: 'Inde', alpha3: 'IND', weight: 2, calling: '91',
    universities: 'Jawaharlal Nehru University|University of Delhi|Indian Institute of Technology Bombay|Ashoka University|University of Mumbai',
    communities: one({ faker: 'en_IN' }, 'Hindi'),
  },
  JP: {
    en: 'Japan', fr: 'Japon', alpha3: 'JPN', weight: 0.8, calling: '81',
    universities: 'University of Tokyo|Keio University|Waseda University|Kyoto University',
    communities: one({ list: 'japanese' }, 'Japanese'),
  },
  MX: {
    en: 'Mexico', fr: 'Mexique', alpha3: 'MEX', weight: 1, calling: '52',
    universities: 'Universidad Nacional Autónoma de México|Tecnológico de Monterrey|El Colegio de México|Centro de Investigación y Docencia Económicas',
    communities: one({ faker: 'es_MX' }, 'Spanish'),
    extra: [['México', 3]],
  },
  AU: {
    en: 'Australia', fr: 'Australie', alpha3: 'AUS', weight: 1, calling: '61',
    universities: 'Australian National University|University of Sydney|University of Melbourne|University of Queensland',
    communities: one({ list: 'british' }, 'English', { englishNative: true }),
  },
  ZA: {
    en: 'South Africa', fr: 'Afrique du Sud', alpha3: 'ZAF', weight: 0.5, calling: '27',
    universities: 'University of Cape Town|University of the Witwatersrand|Stellenbosch University',
    communities: one({ faker: 'en_ZA' }, 'Afrikaans', { englishNative: true }),
  },
  NG: {
    en: 'Nigeria', fr: 'Nigeria', alpha3: 'NGA', weight: 0.7, calling: '234',
    universities: 'University of Lagos|University of Ibadan|Obafemi Awolowo University',
    communities: one({ faker: 'en_NG' }, 'Yoruba'),
  },
  CN: {
    en: 'China', fr: 'Chine', alpha3: 'CHN', weight: 0.8, calling: '86',
    universities: 'Peking University|Tsinghua University|Fudan University|Renmin University of China',
    communities: one({ list: 'chinese' }, 'Mandarin Chinese'),
    extra: [["People's Republic of China", 3]],
  },
  KR: {
    en: 'South Korea', fr: 'Corée du Sud', alpha3: 'KOR', weight: 0.5, calling: '82',
    universities: 'Seoul National University|Yonsei University|Korea University',
    communities: one({ list: 'korean' }, 'Korean'),
    extra: [['Republic of Korea', 20], ['Korea', 5]],
  },
  AR: {
    en: 'Argentina', fr: 'Argentine', alpha3: 'ARG', weight: 0.6, calling: '54',
    universities: 'Universidad de Buenos Aires|Universidad Torcuato Di Tella|Universidad Nacional de Córdoba',
    communities: one({ faker: 'es' }, 'Spanish'),
  },
  ID: {
    en: 'Indonesia', fr: 'Indonésie', alpha3: 'IDN', weight: 0.3, calling: '62',
    universities: 'Universitas Indonesia|Universitas Gadjah Mada',
    communities: one({ faker: 'id_ID' }, 'Indonesian'),
  },
  CY: {
    en: 'Cyprus', fr: 'Chypre', alpha3: 'CYP', weight: 0.5, calling: '357',
    universities: 'University of Cyprus|University of Nicosia',
    communities: one({ list: 'greek' }, 'Greek'),
  },
  NZ: {
    en: 'New Zealand', fr: 'Nouvelle-Zélande', alpha3: 'NZL', weight: 0.3, calling: '64',
    universities: 'University of Auckland|Victoria University of Wellington',
    communities: one({ list: 'british' }, 'English', { englishNative: true }),
  },
  CO: {
    en: 'Colombia', fr: 'Colombie', alpha3: 'COL', weight: 0.5, calling: '57',
    universities: 'Universidad de los Andes|Universidad Nacional de Colombia|Pontificia Universidad Javeriana',
    communities: one({ faker: 'es_MX' }, 'Spanish'),
  },
};

function groupOf(alpha2: string): CountryGroup {
  if (memberState(alpha2)) return 'member';
  return isPartner(alpha2) ? 'partner' : 'other';
}

export const DEMO_COUNTRIES: readonly DemoCountry[] = Object.entries(COUNTRIES).map(([alpha2, c]) => ({
  alpha2,
  alpha3: c.alpha3,
  en: c.en,
  fr: c.fr,
  group: groupOf(alpha2),
  weight: c.weight,
  callingCode: c.calling,
  universities: c.universities.split('|'),
  communities: c.communities,
  extraSpellings: c.extra ?? [],
}));

export const DEMO_COUNTRY_BY_CODE: ReadonlyMap<string, DemoCountry> = new Map(
  DEMO_COUNTRIES.map((c) => [c.alpha2, c]),
);

/** Universities that draw students from everywhere: where the mobile applicant studies. */
export const INTERNATIONAL_UNIVERSITIES: readonly string[] = [
  'College of Europe',
  'Sciences Po',
  "King's College London",
  'London School of Economics and Political Science',
  'Geneva Graduate Institute',
  'Hertie School',
  'Universiteit Leiden',
  'Central European University',
  'Université libre de Bruxelles',
  'Vrije Universiteit Brussel',
  'Brussels School of Governance',
  'Maastricht University',
  'Johns Hopkins University SAIS Europe',
  'Universität Wien',
  'Université catholique de Louvain',
  'KU Leuven',
  'Trinity College Dublin',
  'University of Edinburgh',
  'IE University',
  'Università Bocconi',
];
