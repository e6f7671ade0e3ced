import { describe, expect, it } from 'vitest';
import { APPLICATION_FIELDS } from '../../shared/domain/application-fields';
import { automaticMapping, detectField, headerSignature, mappingProblems } from '../../electron/core/import/headers';
import { columnLetter } from '../../electron/core/files/read/column-letter';
import { classifyRow, compileMapping } from '../../electron/core/import/row-outcome';

describe('header matching', () => {
  it('recognises every English and French header of the format document', () => {
    for (const f of APPLICATION_FIELDS) {
      expect(detectField(f.en)).toBe(f.key);
      expect(detectField(f.fr)).toBe(f.key);
    }
  });

  it('ignores case, accents, surrounding spaces and punctuation', () => {
    expect(detectField('  APPLICATION-ID ')).toBe('applicationId');
    expect(detectField('n de candidature')).toBe('applicationId');
    expect(detectField('Annees d’etudes universitaires achevees')).toBe('yearsCompleted');
    expect(detectField('E-mail')).toBe('email');
    expect(detectField('Date of birth (DD/MM/YYYY)')).toBeNull();
  });

  it('keeps unknown columns as extra attributes and blank headers ignored', () => {
    expect(automaticMapping(['Application ID', 'LinkedIn profile', ''])).toEqual([
      { kind: 'field', field: 'applicationId' },
      { kind: 'extra' },
      { kind: 'ignore' },
    ]);
  });

  it('names spreadsheet columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('sees the same layout whatever the spelling of case and accents', () => {
    expect(headerSignature(['Prénom', 'Nom'])).toBe(headerSignature(['PRENOM', 'nom ']));
    expect(headerSignature(['Prénom', 'Nom'])).not.toBe(headerSignature(['Nom', 'Prénom']));
  });
});

describe('mapping problems', () => {
  it('needs a column for the application id', () => {
    const problems = mappingProblems(['First Name'], automaticMapping(['First Name']));
    expect(problems.map((p) => p.message).join()).toMatch(/Application ID/);
  });

  it('refuses two columns mapped to one field, naming both', () => {
    const headers = ['Application ID', 'Email', 'E-mail'];
    const problems = mappingProblems(headers, automaticMapping(headers));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/B "Email" and C "E-mail".*Email/);
  });

  it('refuses a mapping that does not fit the file', () => {
    expect(mappingProblems(['Application ID', 'x'], [{ kind: 'field', field: 'applicationId' }])).toHaveLength(1);
  });
});

describe('what a row gets', () => {
  const headers = ['Application ID', 'Status', 'Submitted On', 'First Name', 'Notes'];
  const mapping = compileMapping(headers, automaticMapping(headers));
  const classify = (values: string[], seen = new Set<string>(), extra?: number) => classifyRow(7, values, extra, mapping, seen);

  it('stores a submitted row with its extra attributes', () => {
    const outcome = classify(['NIP-1', 'Soumise', '06/04/2025 10:00', 'Anaïs', 'called twice']);
    expect(outcome).toMatchObject({ kind: 'stored', record: { applicationId: 'NIP-1', firstName: 'Anaïs' }, extra: { Notes: 'called twice' } });
  });

  it('skips drafts', () => {
    expect(classify(['NIP-1', ' brouillon ', '', 'A', '']).kind).toBe('draft');
  });

  it.each([
    [['', 'Submitted', '2025-04-06', 'A', ''], 'MissingApplicationId', 'Application ID'],
    [['NIP-1', '', '2025-04-06 10:00', 'A', ''], 'MissingStatus', 'Status'],
    [['NIP-1', 'Pending', '2025-04-06 10:00', 'A', ''], 'UnknownStatus', 'Status'],
    [['NIP-1', 'Submitted', '', 'A', ''], 'MissingSubmittedOn', 'Submitted On'],
    [['NIP-1', 'Submitted', '31/04/2025 10:00', 'A', ''], 'UnreadableSubmittedOn', 'Submitted On'],
  ])('rejects %j as %s in column %s', (values, code, column) => {
    const outcome = classify(values);
    expect(outcome).toMatchObject({ kind: 'rejected', rejection: { row: 7, code, column } });
    if (outcome.kind === 'rejected') expect(outcome.rejection.message.length).toBeGreaterThan(20);
  });

  it('rejects every repeat of an application id after the first, whatever became of the first', () => {
    const seen = new Set<string>();
    expect(classify(['NIP-1', 'Pending', '', 'A', ''], seen).kind).toBe('rejected');
    expect(classify(['NIP-1', 'Submitted', '2025-04-06 10:00', 'A', ''], seen)).toMatchObject({ rejection: { code: 'DuplicateApplicationId' } });
  });

  it('rejects a row with more values than the header', () => {
    expect(classify(['NIP-1', 'Submitted', '2025-04-06 10:00', 'A', ''], new Set(), 2)).toMatchObject({
      rejection: { code: 'TooManyValues', column: null },
    });
  });

  it('treats every row as submitted when the file has no Status column', () => {
    const noStatus = compileMapping(['Application ID', 'Submitted On'], automaticMapping(['Application ID', 'Submitted On']));
    expect(classifyRow(2, ['NIP-1', '2025-04-06T10:00:00Z'], undefined, noStatus, new Set()).kind).toBe('stored');
  });
});
