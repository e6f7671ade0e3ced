import {
  Button,
  Field,
  Input,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DeleteRegular, PrintRegular, SearchRegular } from '@fluentui/react-icons';
import { useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureResult, PersonFound, SubjectAccessRecord } from '../../../shared/api/privacy';
import { useClient } from '../../api/ClientContext';
import { useQuery } from '../../api/hooks';
import { useSaveFile } from '../../api/useSaveFile';
import { ErrorBar } from '../../components/ErrorBar';
import { usePrintPage } from '../../components/usePrintPage';
import { useNotify } from '../../components/Notify';
import { useFormat } from '../../i18n/format';
import { useSectionStyles } from '../settings/formStyles';
import { CleanupResultBar, type Cleanup } from './CleanupResultBar';
import { EraseDialog } from './EraseDialog';
import { PrintRecord } from './PrintRecord';
import { SubjectAccessView } from './SubjectAccessView';
import { usePersonRecord } from './usePersonRecord';

/** The person's copy is named in their language, as the services name the JSON file they write. */
function fileName(language: 'en' | 'fr', applicationId: string): string {
  return `${language === 'fr' ? 'donnees personnelles' : 'personal data'} ${applicationId}`;
}

const useStyles = makeStyles({
  section: { maxWidth: 'none' },
  find: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  idInput: { width: '16rem' },
  person: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  tableWrap: { overflowX: 'auto' },
  table: { tableLayout: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  record: { paddingTop: tokens.spacingVerticalL, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

/**
 * One person's data, found by an Application ID: who they are, their applications in every
 * campaign, and everything Cohort holds about them, to hand over (JSON, or printed to PDF) or to
 * erase on their request.
 */
export function PersonSection({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [erased, setErased] = useState<Cleanup | null>(null);
  const found = useQuery('privacy.findPerson', applicationId === null ? null : { campaignId, applicationId });
  const record = usePersonRecord(campaignId, found.data ? applicationId : null, found.data);
  const format = useFormat();

  function find(event: FormEvent) {
    event.preventDefault();
    const id = typed.trim();
    if (id === '') return;
    setErased(null);
    setApplicationId(id);
    // Asked again on purpose: the officer may look again after a change made elsewhere.
    if (id === applicationId) found.refetch();
  }

  function onErased(result: ErasureResult) {
    const count = result.erased.length;
    setErased({
      title: t('privacy.result.erased', { count, n: format.number(count) }),
      // Shown once, so the officer can tell the person which applications went; kept nowhere after.
      items: result.erased.map((e) => `${e.applicationId} (${e.campaignName})`),
      backups: result.backups,
      wal: result.wal,
    });
    // Their data is gone: nothing of it stays on screen, not even the ID typed.
    setApplicationId(null);
    setTyped('');
  }

  return (
    <section className={mergeClasses(section.section, styles.section)} aria-labelledby="privacy-person-title">
      <h2 className={section.heading} id="privacy-person-title">
        {t('privacy.person.title')}
      </h2>
      <p className={section.intro}>{t('privacy.person.intro')}</p>
      <form className={styles.find} onSubmit={find} role="search" aria-label={t('privacy.person.findLabel')}>
        <Field label={t('privacy.person.applicationId')}>
          <Input className={styles.idInput} value={typed} onChange={(_e, d) => setTyped(d.value)} placeholder="NIP-2026-00005-1" />
        </Field>
        <Button type="submit" appearance="primary" icon={<SearchRegular />} disabled={typed.trim() === ''}>
          {t('privacy.person.find')}
        </Button>
      </form>
      {erased ? <CleanupResultBar result={erased} onDismiss={() => setErased(null)} /> : null}
      {applicationId === null ? null : found.error ? (
        <ErrorBar error={found.error} />
      ) : !found.data ? (
        <Spinner size="small" label={t('privacy.person.finding')} />
      ) : (
        <PersonView campaignId={campaignId} applicationId={applicationId} person={found.data} record={record.data} recordError={record.error} onErased={onErased} />
      )}
    </section>
  );
}

interface PersonViewProps {
  campaignId: number;
  applicationId: string;
  person: PersonFound;
  record: SubjectAccessRecord | null;
  recordError: unknown;
  onErased: (result: ErasureResult) => void;
}

function PersonView({ campaignId, applicationId, person, record, recordError, onErased }: PersonViewProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useClient();
  const notify = useNotify();
  const saveFile = useSaveFile();
  const [busy, setBusy] = useState<'json' | 'print' | null>(null);
  const [printed, setPrinted] = useState<SubjectAccessRecord | null>(null);
  const [erasing, setErasing] = useState(false);
  // Cancelled, the erase dialog gives focus back to its button.
  const restoreFocusTarget = useRestoreFocusTarget();
  const count = person.applications.length;

  // The person's copy is printed as the Reports page prints: a PDF where the officer chooses in
  // Electron, the browser's print dialog (with "Save as PDF") on the web host.
  const { printing, print, saved } = usePrintPage();
  // Said once per PDF saved (not again when the language changes).
  const announceSaved = useEffectEvent((path: string) => notify.success(t('files.saved', { file: path.split(/[\\/]/).pop() ?? path }), path));
  useEffect(() => {
    if (saved !== null) announceSaved(saved);
  }, [saved]);

  async function saveJson() {
    setBusy('json');
    try {
      await saveFile(`${fileName(person.language, applicationId)}.json`, async (target) => (await client.call('privacy.exportPerson', { campaignId, applicationId, target })).file);
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(null);
    }
  }

  async function printCopy() {
    setBusy('print');
    try {
      // Asked again "for export": the services record in the audit log that it was handed over.
      const copy = await client.call('privacy.personData', { campaignId, applicationId, forExport: true });
      setPrinted(copy);
      print(fileName(copy.language, applicationId));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(null);
    }
  }

  const languageName = t(`privacy.person.lang.${person.language}`);
  return (
    <div className={styles.person} role="region" aria-labelledby="privacy-person-name">
      <h3 className={styles.name} id="privacy-person-name">
        {person.name}
      </h3>
      <p className={styles.muted}>{t('privacy.person.facts', { count, n: count, language: languageName })}</p>
      <div className={styles.tableWrap}>
        <Table size="small" className={styles.table} aria-label={t('privacy.person.applicationsLabel', { name: person.name })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('privacy.person.colApplicationId')}</TableHeaderCell>
              <TableHeaderCell>{t('privacy.person.colCampaign')}</TableHeaderCell>
              <TableHeaderCell>{t('privacy.person.colName')}</TableHeaderCell>
              <TableHeaderCell>{t('privacy.person.colDivision')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {person.applications.map((a) => (
              <TableRow key={a.ref}>
                <TableCell className={styles.nowrap}>{a.applicationId}</TableCell>
                <TableCell>{a.campaignName}</TableCell>
                <TableCell>
                  {a.firstName} {a.lastName}
                </TableCell>
                <TableCell>{a.division}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className={styles.actions}>
        <Button icon={<ArrowDownloadRegular />} onClick={() => void saveJson()} disabled={busy !== null}>
          {t('privacy.person.saveJson')}
        </Button>
        <Button icon={<PrintRegular />} onClick={() => void printCopy()} disabled={busy !== null || printing || !record}>
          {t('privacy.person.print')}
        </Button>
        <Button icon={<DeleteRegular />} onClick={() => setErasing(true)} {...restoreFocusTarget}>
          {t('privacy.person.erase')}
        </Button>
      </div>
      <div className={styles.record}>
        {recordError ? <ErrorBar error={recordError} /> : record ? <SubjectAccessView record={record} /> : <Spinner size="small" label={t('privacy.person.loadingRecord')} />}
      </div>
      {printing && printed ? (
        <PrintRecord>
          <SubjectAccessView record={printed} forPerson />
        </PrintRecord>
      ) : null}
      <EraseDialog
        open={erasing}
        campaignId={campaignId}
        applicationId={applicationId}
        person={person}
        onClose={() => setErasing(false)}
        onErased={(result) => {
          setErasing(false);
          onErased(result);
        }}
      />
    </div>
  );
}
