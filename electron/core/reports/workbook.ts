import ExcelJS from 'exceljs';
import type { SeasonReport } from '../../../shared/api/reports';
import { countryName } from '../../../shared/domain/country-names';
import { DIMENSIONS, GROUP_STAGES, shownCount } from '../../../shared/domain/report-figures';
import { DIMENSION_WORDS, EXIT_WORDS, filterLabel, GROUP_STAGE_WORDS, GROUP_WORDS, groupLabel, OWED_AGE_WORDS, REASON_WORDS, REPORT_WORDS, SECTION_WORDS, STEP_WORDS, type ReportLanguage } from '../../../shared/domain/report-words';
import { neutraliseFormulae } from '../export/formula-guard';

/**
 * The season report as a workbook for the office's management and the member states: one sheet per
 * section, figures only, in English or French. No cell names a person, and a group of 1 to 4
 * people shows "fewer than 5" (its share left empty), so nobody can be recognised. The only texts
 * not of Cohort's own making are the campaigns' names, which go through the formula guard.
 */

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
const PERCENT = '0%';

type Cell = string | number | null;

function wordsOf(language: ReportLanguage) {
  const w = <K extends string>(table: Readonly<Record<K, Readonly<Record<ReportLanguage, string>>>>, key: K) => table[key][language];
  const count = (n: number): Cell => {
    const shown = shownCount(n);
    return shown === 'fewerThan5' ? REPORT_WORDS.fewerThan5[language] : shown;
  };
  /** A share, left empty where the group it belongs to is not shown. */
  const share = (value: number | null, of: number): Cell => (value === null || shownCount(of) === 'fewerThan5' ? null : value);
  return { w, count, share };
}

/** A sheet with its title, what it covers, the small-groups rule, then its tables. */
function sheet(book: ExcelJS.Workbook, name: string, report: SeasonReport, language: ReportLanguage, orientation: 'portrait' | 'landscape' = 'portrait'): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name, { pageSetup: { orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  ws.addRow([`${REPORT_WORDS.report[language]} — ${name}`]).font = TITLE_FONT;
  ws.addRow([REPORT_WORDS.campaign[language], neutraliseFormulae(report.campaignName)]);
  ws.addRow([REPORT_WORDS.filter[language], filterLabel(report.filter, language)]);
  ws.addRow([REPORT_WORDS.smallGroups[language]]).font = { italic: true };
  ws.addRow([]);
  return ws;
}

function table(ws: ExcelJS.Worksheet, header: string[], rows: Cell[][], percentColumns: readonly number[] = []): void {
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const values of rows) {
    const row = ws.addRow(values);
    for (const column of percentColumns) row.getCell(column + 1).numFmt = PERCENT;
  }
  ws.addRow([]);
}

export async function reportWorkbook(report: SeasonReport, other: SeasonReport | null, language: ReportLanguage): Promise<Uint8Array> {
  const { w, count, share } = wordsOf(language);
  const book = new ExcelJS.Workbook();
  book.creator = 'Cohort';

  const funnelSheet = sheet(book, w(SECTION_WORDS, 'funnel'), report, language);
  table(
    funnelSheet,
    ['', REPORT_WORDS.count[language], REPORT_WORDS.ofPrevious[language]],
    report.funnel.steps.map((s) => [w(STEP_WORDS, s.step), count(s.count), share(s.ofPrevious, s.count)]),
    [2],
  );
  funnelSheet.addRow([REPORT_WORDS.leftAt[language]]).font = { bold: true };
  table(
    funnelSheet,
    ['', REPORT_WORDS.reason[language], REPORT_WORDS.count[language]],
    report.funnel.exits.flatMap((e) => [
      [w(EXIT_WORDS, e.exit), '', count(e.count)] as Cell[],
      ...e.reasons.map((r): Cell[] => ['', r.reason in REASON_WORDS ? w(REASON_WORDS, r.reason as keyof typeof REASON_WORDS) : r.reason, count(r.count)]),
    ]),
  );

  const stageHeader = GROUP_STAGES.map((s) => w(GROUP_STAGE_WORDS, s));
  const reachSheet = sheet(book, w(SECTION_WORDS, 'reach'), report, language);
  table(
    reachSheet,
    [REPORT_WORDS.country[language], REPORT_WORDS.wave[language], ...stageHeader],
    [
      ...report.reach.members.map((m): Cell[] => [countryName(m.country, language), m.accession.slice(0, 4), ...m.counts.map(count)]),
      [w(GROUP_WORDS, 'otherCountries'), '', ...report.reach.otherCountries.map(count)],
      [w(GROUP_WORDS, 'unknownCountry'), '', ...report.reach.unknown.map(count)],
    ],
  );
  table(reachSheet, [REPORT_WORDS.wave[language], ...stageHeader], report.reach.waves.map((v) => [v.year, ...v.counts.map(count)]));
  table(reachSheet, [REPORT_WORDS.noApplicant[language]], report.reach.noApplicant.map((c) => [countryName(c, language)]));
  table(reachSheet, [REPORT_WORDS.noneSelected[language]], report.reach.noneSelected.map((c) => [countryName(c, language)]));

  // Nine columns (counts and shares at four stages): printed across the page.
  const diversitySheet = sheet(book, w(SECTION_WORDS, 'diversity'), report, language, 'landscape');
  for (const dimension of DIMENSIONS) {
    diversitySheet.addRow([w(DIMENSION_WORDS, dimension)]).font = { bold: true };
    const shareHeader = GROUP_STAGES.map((s) => `${REPORT_WORDS.share[language]}: ${w(GROUP_STAGE_WORDS, s)}`);
    table(
      diversitySheet,
      [REPORT_WORDS.group[language], ...stageHeader, ...shareHeader],
      report.diversity[dimension].map((g): Cell[] => [
        // A gender is the applicant's own text: guarded like any.
        neutraliseFormulae(groupLabel(dimension, g.group, language)),
        ...g.counts.map(count),
        ...g.shares.map((s, i) => share(s, g.counts[i] ?? 0)),
      ]),
      [5, 6, 7, 8],
    );
  }

  const paceSheet = sheet(book, w(SECTION_WORDS, 'pace'), report, language);
  table(paceSheet, ['', REPORT_WORDS.days[language]], [
    [REPORT_WORDS.medianToVerdict[language], report.pace.medianDays.toVerdict],
    [REPORT_WORDS.medianToShortlist[language], report.pace.medianDays.toShortlist],
    [REPORT_WORDS.medianToNotice[language], report.pace.medianDays.toNotice],
  ]);
  table(paceSheet, [REPORT_WORDS.week[language], REPORT_WORDS.decided[language]], report.pace.decidedPerWeek.map((d) => [d.week, count(d.count)]));
  table(paceSheet, [REPORT_WORDS.owedByAge[language], REPORT_WORDS.count[language]], report.pace.owedByAge.map((o) => [w(OWED_AGE_WORDS, o.band), count(o.count)]));

  if (other) {
    const compareSheet = sheet(book, w(SECTION_WORDS, 'compare'), report, language);
    table(
      compareSheet,
      ['', neutraliseFormulae(report.campaignName), neutraliseFormulae(other.campaignName)],
      report.funnel.steps.map((s, i) => [w(STEP_WORDS, s.step), count(s.count), count(other.funnel.steps[i]?.count ?? 0)]),
    );
    table(
      compareSheet,
      [REPORT_WORDS.country[language], `${neutraliseFormulae(report.campaignName)}: ${stageHeader[0]}`, `${neutraliseFormulae(report.campaignName)}: ${stageHeader[3]}`, `${neutraliseFormulae(other.campaignName)}: ${stageHeader[0]}`, `${neutraliseFormulae(other.campaignName)}: ${stageHeader[3]}`],
      report.reach.members.map((m) => {
        const theirs = other.reach.members.find((o) => o.country === m.country)?.counts ?? [0, 0, 0, 0];
        return [countryName(m.country, language), count(m.counts[0]), count(m.counts[3]), count(theirs[0]), count(theirs[3])];
      }),
    );
  }
  // Wide enough for the longest reason ("Nationalité (pays partenaire)"); "fewer than 5" stands where the numbers stand.
  const fewer = REPORT_WORDS.fewerThan5[language];
  for (const ws of book.worksheets) {
    ws.columns.forEach((column, i) => (column.width = i === 0 ? 44 : ws === funnelSheet && i === 1 ? 32 : 16));
    ws.eachRow((row) => row.eachCell((cell) => cell.value === fewer && (cell.alignment = { horizontal: 'right' })));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
