import { sampleTable, writeExport } from './sample-rows';
import { openTestApp, type TestApp } from './temp';

/**
 * A season of eight applicants, each a different person, whose figures are worked out by hand
 * below. The rows start from an eligible row of the reference sample (NIP-2026-00005-1) and change
 * only what the case needs.
 */
export const PEOPLE = [
  // id, gender, nationality, date of birth, division, degree, English, French
  { id: 'R1', gender: 'Female', nationality: 'Spain', birth: '1997-07-15', division: 'DPP', degree: 'Master', english: 'C1', french: 'C1' },
  { id: 'R2', gender: 'Male', nationality: 'Spain', birth: '2001-01-01', division: 'DPP', degree: 'Bachelor', english: 'C1', french: 'A2' },
  { id: 'R3', gender: 'female', nationality: 'Poland', birth: '2001-01-01', division: 'DPP', degree: 'Bachelor', english: 'C1', french: 'B2' },
  { id: 'R4', gender: '', nationality: 'Poland', birth: '2001-01-01', division: 'DPP', degree: 'None', english: 'C1', french: 'C1' },
  { id: 'R5', gender: 'Female', nationality: 'Italy', birth: '2001-01-01', division: 'DPP', degree: 'None', english: 'C1', french: 'C1' },
  { id: 'R6', gender: 'Male', nationality: 'Brazil', birth: '2001-01-01', division: 'DPP', degree: 'None', english: 'C1', french: 'C1' },
  { id: 'R7', gender: 'Male', nationality: 'France', birth: '2001-01-01', division: 'DPP', degree: 'None', english: 'A1', french: 'A1' },
  { id: 'R8', gender: 'Female', nationality: 'Germany', birth: '2001-01-01', division: 'PASP', degree: 'None', english: 'C1', french: 'C1' },
] as const;

export async function handWorkedSeason(dir: string): Promise<{ app: TestApp; refs: Record<string, number> }> {
  return handWorkedSeasonIn(await openTestApp(dir));
}

/** The same season in an app already open (the test's engine, whichever it is). */
export async function handWorkedSeasonIn(app: TestApp): Promise<{ app: TestApp; refs: Record<string, number> }> {
  const { client } = app;
  const { header, rows } = sampleTable();
  const template = rows.find((r) => r[0] === 'NIP-2026-00005-1') ?? [];
  const column = (name: string) => header.indexOf(name);
  const lines = PEOPLE.map((p, i) => {
    const row = [...template];
    const set = (name: string, value: string) => (row[column(name)] = value);
    set('Application ID', `NIP-2026-9000${i}-1`);
    set('Candidate ID', `C-90000${i}`);
    set('First Name', `Person${p.id}`);
    set('Last Name', `Family${p.id}`);
    set('Email', `${p.id.toLowerCase()}@example.org`);
    set('Gender', p.gender);
    set('Nationality', p.nationality);
    set('Second Nationality', '');
    set('Date of Birth', p.birth);
    set('Division', p.division);
    set('Highest Degree', p.degree);
    set('English Level', p.english);
    set('French Level', p.french);
    return row;
  });
  const path = writeExport(app.dir, 'season.csv', header, lines);
  const inspection = await client.call('import.inspect', { campaignId: 1, path });
  await client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
  await client.call('import.commit', { jobId: inspection.jobId });
  await client.call('screening.run', { campaignId: 1 });
  const ids = await app.rows<{ id: number; first: string }>('SELECT id, first_name AS first FROM applications');
  const refs = Object.fromEntries(ids.map((r) => [r.first.replace('Person', ''), r.id]));
  const ref = (id: string) => refs[id] ?? 0;

  await client.call('triage.decide', { refs: [ref('R1'), ref('R2'), ref('R3'), ref('R8')], stage: 'proposed' });
  await client.call('triage.decide', { refs: [ref('R4')], stage: 'notRetained', reason: 'motivation' });
  const { id } = await client.call('shortlists.create', { campaignId: 1, division: 'DPP' });
  await client.call('shortlists.export', { id, replyBy: '2027-01-29', target: { kind: 'download' } });
  await client.call('selection.move', { refs: [ref('R1'), ref('R3')], move: 'interview', interview: { date: '2027-02-10' } });
  await client.call('selection.move', { refs: [ref('R1')], move: 'select', session: 'september', startDate: '2027-09-01' });
  await client.call('selection.move', { refs: [ref('R1')], move: 'makeOffer' });
  await client.call('selection.move', { refs: [ref('R1')], move: 'acceptOffer' });
  await client.call('selection.move', { refs: [ref('R2')], move: 'notSelect' });
  await client.call('selection.move', { refs: [ref('R3')], move: 'withdraw', reason: 'Took another post' });
  return { app, refs };
}
