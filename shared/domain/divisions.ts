/** The eight divisions that take interns. One place for codes and names. */
export const DIVISIONS = [
  { code: 'DI', en: 'Defence Investment Division', fr: "Division Investissement de défense" },
  { code: 'DPP', en: 'Defence Policy and Planning Division', fr: 'Division Politique de défense et planification' },
  { code: 'ESCD', en: 'Emerging Security Challenges Division', fr: 'Division Défis de sécurité émergents' },
  { code: 'EM', en: 'Executive Management', fr: 'Direction exécutive' },
  { code: 'OPS', en: 'Operations Division', fr: 'Division Opérations' },
  { code: 'PASP', en: 'Political Affairs and Security Policy Division', fr: 'Division Affaires politiques et politique de sécurité' },
  { code: 'PDD', en: 'Public Diplomacy Division', fr: 'Division Diplomatie publique' },
  { code: 'JISD', en: 'Joint Intelligence and Security Division', fr: 'Division Renseignement et sécurité' },
] as const;

export type DivisionCode = (typeof DIVISIONS)[number]['code'];
export const DIVISION_CODES = DIVISIONS.map((d) => d.code) as DivisionCode[];

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Reads a division as the export writes it: a code, or the English or French name, any case. */
const BY_NAME = new Map<string, DivisionCode>(DIVISIONS.flatMap((d) => [d.code, d.en, d.fr].map((name) => [fold(name), d.code] as const)));

/** The spellings met so far, as written: most exports repeat a handful, so folding runs once each. */
const SEEN = new Map<string, DivisionCode | null>();

export function parseDivision(raw: string | null | undefined): DivisionCode | null {
  if (!raw) return null;
  let code = SEEN.get(raw);
  if (code === undefined) {
    code = BY_NAME.get(fold(raw)) ?? null;
    if (SEEN.size < 10_000) SEEN.set(raw, code);
  }
  return code;
}
