import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_REASONS, isMethodName } from '../../shared/api/contract';
import { ERROR_CODES } from '../../shared/api/errors';
import { EXPLANATION_KEYS } from '../../shared/domain/eligibility/explanation-keys';
import { REASON_CODES } from '../../shared/domain/eligibility/types';
import { NOT_RETAINED_REASONS, STAGE_IDS } from '../../shared/domain/stages';
import { TRIAGE_ACTION_KINDS, TRIAGE_COLUMNS } from '../../shared/api/contract';
import { KNOWN_KINDS } from '../../renderer/components/describeError';
import en from '../../renderer/i18n/en.json';
import fr from '../../renderer/i18n/fr.json';

/**
 * The interface is bilingual from day one: both catalogues hold the same keys, no value is
 * empty, both languages use the same {{placeholders}}, and every key the source names exists.
 */

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const catalogues = { en: flatten(en as Catalogue), fr: flatten(fr as Catalogue) };
const namespaces = new Set(Object.keys(en));

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*([\w.]+)\s*(?:,[^}]*)?}}/g)].map((m) => m[1] ?? '').sort();
}

/** A key exists as itself or, for plurals, through its suffixed forms (key_one, key_other…). */
function exists(key: string): boolean {
  return catalogues.en.has(key) || catalogues.en.has(`${key}_other`);
}

const RENDERER = join(__dirname, '..', '..', 'renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const KEY = String.raw`[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+`;

/**
 * The translation keys a source file names: t('…') literals, both branches of t(a ? '…' : '…'),
 * and key-shaped strings handed over as props (title="nav.screening") or in key tables
 * (overview: 'nav.overview') whose first part is one of the catalogue's sections.
 */
function keysUsedIn(source: string): string[] {
  const keys: string[] = [];
  for (const m of source.matchAll(new RegExp(String.raw`\bt\(\s*(['"])(${KEY})\1`, 'g'))) keys.push(m[2] ?? '');
  for (const m of source.matchAll(new RegExp(String.raw`\bt\([^()'"]*\?\s*(['"])(${KEY})\1\s*:\s*(['"])(${KEY})\3`, 'g'))) {
    keys.push(m[2] ?? '', m[4] ?? '');
  }
  for (const m of source.matchAll(new RegExp(String.raw`(?:\w=|:\s*)(['"])(${KEY})\1`, 'g'))) {
    const key = m[2] ?? '';
    if (namespaces.has(key.split('.')[0] ?? '') && !isMethodName(key)) keys.push(key);
  }
  return keys;
}

describe('i18n catalogues', () => {
  it('English and French hold exactly the same keys', () => {
    const missingInFr = [...catalogues.en.keys()].filter((k) => !catalogues.fr.has(k));
    const missingInEn = [...catalogues.fr.keys()].filter((k) => !catalogues.en.has(k));
    expect({ missingInFr, missingInEn }).toEqual({ missingInFr: [], missingInEn: [] });
  });

  it('no value is empty in either language', () => {
    const empty = Object.entries(catalogues).flatMap(([lang, entries]) =>
      [...entries].filter(([, value]) => value.trim() === '').map(([key]) => `${lang}:${key}`),
    );
    expect(empty).toEqual([]);
  });

  it('counts are worded with plural forms, never "verdict(s)" or "retenu(e)s" (a gendered "(e)" is French usage, not a count)', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      const hedged = [...catalogue].filter(([, text]) => /\w\((?:s|es|x)\)/.test(text) || /\(e\)s\b/.test(text));
      expect(hedged, lang).toEqual([]);
    }
  });

  it('a text with {{count}} has plural forms in both languages', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      // "Application 2 of the person's 3": a number that agrees with no noun needs no plural form.
      const numberOnly = new Set(['screening.explain.limit.within', 'screening.explain.limit.over', 'settings.impact.move']);
      const single = [...catalogue].filter(([key, text]) => text.includes('{{count}}') && !/_(one|other|zero|many)$/.test(key) && !numberOnly.has(key));
      expect(single.map(([key]) => key), lang).toEqual([]);
    }
  });

  it('both languages use the same placeholders in each text', () => {
    const different = [...catalogues.en].filter(([key, text]) => {
      const other = catalogues.fr.get(key);
      return other !== undefined && placeholders(text).join() !== placeholders(other).join();
    });
    expect(different.map(([key]) => key)).toEqual([]);
  });

  it('every key named in renderer/**/*.tsx exists in en.json', () => {
    const files = sourceFiles(RENDERER).filter((f) => f.endsWith('.tsx'));
    const used = files.flatMap((file) =>
      keysUsedIn(readFileSync(file, 'utf8')).map((key) => ({ file: relative(RENDERER, file), key })),
    );
    // The scan must find the keys it is meant to check, or it would pass on anything.
    expect(used.length).toBeGreaterThan(100);
    expect(used.map((u) => u.key)).toContain('firstRun.demo.action');
    expect(used.map((u) => u.key)).toContain('nav.screening');
    expect(used.filter((u) => !exists(u.key))).toEqual([]);
  });

  it('the keys the interface builds from API values all exist', () => {
    const built = [
      ...ERROR_CODES.map((code) => `errors.title.${code}`),
      ...KNOWN_KINDS.map((kind) => `errors.kind.${kind}`),
      ...BACKUP_REASONS.map((reason) => `backup.reason.${reason}`),
      ...EXPLANATION_KEYS.map((key) => `screening.explain.${key}`),
      ...REASON_CODES.map((code) => `screening.reason.${code}`),
      ...STAGE_IDS.map((stage) => `triageDetail.stage.${stage}`),
      ...NOT_RETAINED_REASONS.map((reason) => `triageDetail.reason.${reason}`),
      ...TRIAGE_ACTION_KINDS.map((kind) => `triageDetail.kind.${kind}`),
      ...TRIAGE_COLUMNS.map((column) => `triage.column.${column}`),
      ...(['nato', 'grant', 'unknown'] as const).map((funding) => `values.funding.${funding}`),
      ...(['triage', 'finishTriage'] as const).map((kind) => `overview.next.${kind}`),
      ...(['reading', 'writing'] as const).flatMap((state) => [`importActivity.${state}`, `importActivity.${state}Elsewhere`]),
    ];
    expect(built.filter((key) => !exists(key))).toEqual([]);
  });

  it('the demo button carries the accessible names the browser tests look for', () => {
    expect(catalogues.en.get('firstRun.demo.action')).toBe('Load demo data');
    expect(catalogues.fr.get('firstRun.demo.action')).toBe('Charger des données de démonstration');
    expect(catalogues.en.get('language.label')).toBe('Language');
    expect(catalogues.fr.get('language.label')).toBe('Langue');
  });
});
