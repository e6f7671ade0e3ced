import {
  Faker,
  base,
  en,
  az,
  cs_CZ,
  da,
  de,
  de_AT,
  de_CH,
  en_IN,
  en_NG,
  en_US,
  en_ZA,
  es,
  es_MX,
  fi,
  fr,
  fr_CH,
  hr,
  hu,
  id_ID,
  it,
  lv,
  nb_NO,
  nl,
  nl_BE,
  pl,
  pt_BR,
  pt_PT,
  ro,
  ro_MD,
  sk,
  sl_SI,
  sr_RS_latin,
  sv,
  tr,
  uz_UZ_latin,
  type LocaleDefinition,
  type Randomizer,
} from '@faker-js/faker';
import { NAME_LISTS, type NameList, type NameListKey } from './name-lists';
import type { Rng } from './random';

/** Faker locales whose person names are their own (not the English fallback) and in Latin script. */
const FAKER_LOCALES = {
  az,
  cs_CZ,
  da,
  de,
  de_AT,
  de_CH,
  en_IN,
  en_NG,
  en_US,
  en_ZA,
  es,
  es_MX,
  fi,
  fr,
  fr_CH,
  hr,
  hu,
  id_ID,
  it,
  lv,
  nb_NO,
  nl,
  nl_BE,
  pl,
  pt_BR,
  pt_PT,
  ro,
  ro_MD,
  sk,
  sl_SI,
  sr_RS_latin,
  sv,
  tr,
  uz_UZ_latin,
} as const satisfies Record<string, LocaleDefinition>;

export type FakerLocaleKey = keyof typeof FAKER_LOCALES;

/** Where a community's names come from: a faker locale, or one of our own lists. */
export type NameSource = { readonly faker: FakerLocaleKey } | { readonly list: NameListKey };

export type NameSex = 'female' | 'male';

/**
 * Makes names for one generator run. Faker instances are built on first use and kept for the run
 * (building one per record would dominate the cost); they all share the run's randomizer, so the
 * run stays deterministic and two runs never disturb each other.
 */
export class NameMaker {
  private readonly fakers = new Map<FakerLocaleKey, Faker>();

  constructor(
    private readonly randomizer: Randomizer,
    private readonly rng: Rng,
  ) {}

  name(source: NameSource, sex: NameSex): { first: string; last: string } {
    if ('list' in source) {
      const names: NameList = NAME_LISTS[source.list];
      return {
        first: this.rng.pick(sex === 'female' ? names.female : names.male),
        last: this.rng.pick(sex === 'female' ? names.lastFemale : names.lastMale),
      };
    }
    const faker = this.faker(source.faker);
    return { first: faker.person.firstName(sex), last: faker.person.lastName(sex) };
  }

  private faker(key: FakerLocaleKey): Faker {
    let faker = this.fakers.get(key);
    if (!faker) {
      faker = new Faker({ locale: [FAKER_LOCALES[key], en, base], randomizer: this.randomizer });
      this.fakers.set(key, faker);
    }
    return faker;
  }
}
