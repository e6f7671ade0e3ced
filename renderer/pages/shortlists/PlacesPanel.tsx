import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  SpinButton,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DivisionPlaces, SelectionConflict } from '../../../shared/api/selection';
import { SESSIONS, type Session } from '../../../shared/domain/selection-moves';
import { useApiMutation, useQuery } from '../../api/hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useNotify } from '../../components/Notify';
import { useFormat } from '../../i18n/format';
import { useQueueName } from '../overview/queueName';
import { applicantName, useTriageWords } from '../triage/triageWords';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  places: { width: '6rem' },
  session: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: '12rem' },
  figures: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  conflict: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  conflicts: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/**
 * Each division's places per session and how they are taken (selected, offers out, accepted), its
 * reserve list, and the people two divisions selected at once, which the office settles before any
 * offer: the division chosen makes the offer, the other selections go to the reserve list.
 */
export function PlacesPanel({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const places = useQuery('selection.places', { campaignId });
  const conflicts = useQuery('selection.conflicts', { campaignId });
  return (
    <div className={styles.root}>
      {conflicts.data && conflicts.data.length > 0 ? <Conflicts conflicts={conflicts.data} /> : null}
      {places.error ? <ErrorBar error={places.error} onRetry={places.refetch} /> : null}
      {places.data ? <PlacesTable campaignId={campaignId} rows={places.data} /> : places.error ? null : <Spinner label={t('shortlists.loading')} />}
    </div>
  );
}

function PlacesTable({ campaignId, rows }: { campaignId: number; rows: DivisionPlaces[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const divisionName = useQueueName();
  const notify = useNotify();
  const setPlaces = useApiMutation('selection.setPlaces');

  function change(division: DivisionPlaces['division'], session: Session, value: number | null | undefined) {
    if (value === null || value === undefined || !Number.isInteger(value) || value < 0) return;
    void setPlaces.run({ campaignId, division, session, places: value }).then((r) => (r.ok ? undefined : notify.error(r.error)));
  }

  return (
    <section aria-labelledby="places-title">
      <h2 className={styles.heading} id="places-title">
        {t('shortlists.places.title')}
      </h2>
      <Table size="small" aria-labelledby="places-title" data-testid="division-places">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('shortlists.places.division')}</TableHeaderCell>
            {SESSIONS.map((s) => (
              <TableHeaderCell key={s}>{t(`shortlists.session.${s}`)}</TableHeaderCell>
            ))}
            <TableHeaderCell>{t('shortlists.places.reserve')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.division}>
              <TableCell>{divisionName(row.division)}</TableCell>
              {SESSIONS.map((s) => {
                const session = row.sessions[s];
                const taken = session.selected + session.offersOut + session.accepted;
                return (
                  <TableCell key={s}>
                    <div className={styles.session}>
                      <SpinButton
                        className={styles.places}
                        min={0}
                        max={500}
                        value={session.places}
                        aria-label={t('shortlists.places.placesFor', { division: row.division, session: t(`shortlists.session.${s}`) })}
                        onChange={(_e, d) => change(row.division, s, d.value ?? (d.displayValue === undefined ? null : Number(d.displayValue)))}
                      />
                      <ProgressBar
                        value={session.places === 0 ? (taken > 0 ? 1 : 0) : Math.min(1, taken / session.places)}
                        color={taken > session.places ? 'error' : 'brand'}
                        thickness="large"
                        aria-label={t('shortlists.places.takenOf', { taken: format.number(taken), places: format.number(session.places) })}
                      />
                      <span className={styles.figures}>
                        {t('shortlists.places.figures', {
                          selected: format.number(session.selected),
                          offers: format.number(session.offersOut),
                          accepted: format.number(session.accepted),
                        })}
                      </span>
                    </div>
                  </TableCell>
                );
              })}
              <TableCell>{format.number(row.reserve)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function Conflicts({ conflicts }: { conflicts: SelectionConflict[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const words = useTriageWords();
  const notify = useNotify();
  const resolve = useApiMutation('selection.resolveConflict');
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="selection-conflicts">
      <MessageBarBody>
        <MessageBarTitle>{t('shortlists.conflicts.title', { count: conflicts.length })}</MessageBarTitle>
        <p>{t('shortlists.conflicts.explain')}</p>
        <ul className={styles.conflicts}>
          {conflicts.map((conflict) => {
            const first = conflict.applications[0];
            if (!first) return null;
            return (
              <li key={first.ref} className={styles.conflict}>
                <strong>{applicantName(first)}</strong>
                <span>{conflict.applications.map((a) => `${a.division ?? '?'} (${words.stage(a.stage)})`).join(' · ')}</span>
                {conflict.applications.map((a) => (
                  <Button
                    key={a.ref}
                    size="small"
                    disabled={resolve.pending}
                    onClick={() =>
                      void resolve.run({ keep: a.ref, seen: conflict.applications.map((o) => ({ ref: o.ref, version: o.version })) }).then((r) => (r.ok ? notify.success(t('shortlists.conflicts.resolved', { division: a.division ?? '?', name: applicantName(first) })) : notify.error(r.error)))
                    }
                  >
                    {t('shortlists.conflicts.keep', { division: a.division ?? '?' })}
                  </Button>
                ))}
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
