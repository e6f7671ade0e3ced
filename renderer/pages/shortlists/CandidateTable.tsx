import {
  Badge,
  Button,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { MoreHorizontalRegular, ReOrderDotsVerticalRegular } from '@fluentui/react-icons';
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShortlistCandidate, ShortlistDetail } from '../../../shared/api/shortlists';
import { movesFrom, type SelectionMove } from '../../../shared/domain/selection-moves';
import { useFormat } from '../../i18n/format';
import { applicantName, useTriageWords } from '../triage/triageWords';
import { useCandidateOrder } from './useCandidateOrder';
import { useShortlistWords } from './shortlistWords';

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  rank: { width: '3.5rem', whiteSpace: 'nowrap' },
  handle: { cursor: 'grab', color: tokens.colorNeutralForeground3, verticalAlign: 'middle' },
  code: { display: 'block', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  id: { display: 'block', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  sub: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  text: { display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '22rem' },
  manager: { display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '22rem', fontStyle: 'italic' },
  row: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
  dropTarget: { boxShadow: `inset 0 2px 0 ${tokens.colorBrandStroke1}` },
  nowrap: { whiteSpace: 'nowrap' },
  elsewhere: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

interface Props {
  list: ShortlistDetail;
  onNote: (candidate: ShortlistCandidate) => void;
  onMove: (candidate: ShortlistCandidate, move: SelectionMove) => void;
  onRemove: (candidate: ShortlistCandidate) => void;
}

/**
 * The candidates in the office's order. ↑/↓ go from row to row, Alt+↑/↓ (or dragging its handle)
 * moves one; Enter opens a row's menu: the note and the moves open from its stage, and nothing else.
 */
export function CandidateTable({ list, onNote, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const stageWords = useTriageWords();
  const words = useShortlistWords();
  const { shown, move } = useCandidateOrder(list.id, list.entries);
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    const row = event.currentTarget;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const to = index + (event.key === 'ArrowUp' ? -1 : 1);
      void move(index, to);
      // Focus follows the moved candidate to its new place once it is drawn there.
      requestAnimationFrame(() => (row.parentElement?.children[to] as HTMLElement | undefined)?.focus());
    } else if (event.key === 'Enter' && event.target === row) {
      // Enter on a row opens its menu: the note and the moves open from its stage.
      event.preventDefault();
      row.querySelector<HTMLButtonElement>('button[data-row-actions]')?.click();
    } else if (!event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && event.target === row) {
      event.preventDefault();
      (event.key === 'ArrowUp' ? row.previousElementSibling : row.nextElementSibling)?.closest('tr')?.focus();
    }
  }

  function drop(event: DragEvent, index: number) {
    event.preventDefault();
    if (dragged !== null) void move(dragged, index);
    setDragged(null);
    setOver(null);
  }

  if (shown.length === 0) return <p>{t('shortlists.noCandidates')}</p>;
  return (
    <Table size="small" className={styles.table} aria-label={t('shortlists.table.label', { shortlist: words.title(list) })} data-testid="shortlist-candidates">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.rank}>{t('shortlists.table.rank')}</TableHeaderCell>
          <TableHeaderCell>{t('shortlists.table.candidate')}</TableHeaderCell>
          <TableHeaderCell>{t('shortlists.table.stage')}</TableHeaderCell>
          <TableHeaderCell>{t('shortlists.table.score')}</TableHeaderCell>
          <TableHeaderCell>{t('shortlists.table.notes')}</TableHeaderCell>
          <TableHeaderCell className={styles.nowrap}>{t('shortlists.table.elsewhere')}</TableHeaderCell>
          <TableHeaderCell>
            <span className="visually-hidden">{t('shortlists.table.actions')}</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {shown.map((c, index) => {
          const moves = movesFrom(c.stage);
          const label = `${c.candidateCode} ${applicantName(c)}`;
          return (
            <TableRow
              key={c.ref}
              tabIndex={0}
              className={mergeClasses(styles.row, over === index && dragged !== index && styles.dropTarget)}
              aria-label={t('shortlists.table.rowLabel', { rank: index + 1, label, stage: stageWords.stage(c.stage) })}
              data-ref={c.ref}
              onKeyDown={(e) => onRowKey(e, index)}
              onDragOver={(e) => {
                if (dragged === null) return;
                e.preventDefault();
                setOver(index);
              }}
              onDrop={(e) => drop(e, index)}
            >
              <TableCell className={styles.rank}>
                <Tooltip content={t('shortlists.table.dragHint')} relationship="description">
                  <span
                    className={styles.handle}
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', c.candidateCode);
                      setDragged(index);
                    }}
                    onDragEnd={() => {
                      setDragged(null);
                      setOver(null);
                    }}
                  >
                    <ReOrderDotsVerticalRegular aria-hidden="true" />
                  </span>
                </Tooltip>{' '}
                {format.number(index + 1)}
              </TableCell>
              <TableCell>
                {applicantName(c)}
                <span className={styles.code}>{c.candidateCode}</span>
                <span className={styles.id}>{c.applicationId}</span>
              </TableCell>
              <TableCell>
                {stageWords.stage(c.stage)}
                {c.interviewDate ? <span className={styles.sub}>{t('shortlists.table.interviewOn', { date: format.date(c.interviewDate), time: c.interviewTime ?? '' }).trim()}</span> : null}
              </TableCell>
              <TableCell>{c.score === null ? '—' : format.number(Math.round(c.score * 10) / 10)}</TableCell>
              <TableCell>
                {c.note ? <span className={styles.text}>{c.note}</span> : null}
                {c.managerComment ? <span className={styles.manager}>{t('shortlists.table.managerSaid', { comment: c.managerComment })}</span> : null}
                {!c.note && !c.managerComment ? '—' : null}
              </TableCell>
              <TableCell>
                {c.elsewhere.length === 0 ? (
                  '—'
                ) : (
                  <span className={styles.elsewhere}>
                    {c.elsewhere.map((e) => (
                      <Badge key={e.shortlistId} appearance="outline" title={stageWords.stage(e.stage)}>
                        {`${e.division} · ${stageWords.stage(e.stage)}`}
                      </Badge>
                    ))}
                  </span>
                )}
              </TableCell>
              <TableCell>
                <Menu>
                  <MenuTrigger disableButtonEnhancement>
                    <Button appearance="subtle" size="small" icon={<MoreHorizontalRegular />} aria-label={t('shortlists.table.actionsFor', { label })} data-row-actions />
                  </MenuTrigger>
                  <MenuPopover>
                    <MenuList>
                      <MenuItem onClick={() => onNote(c)}>{c.note ? t('shortlists.table.editNote') : t('shortlists.table.addNote')}</MenuItem>
                      {list.state === 'draft' ? <MenuItem onClick={() => onRemove(c)}>{t('shortlists.table.remove')}</MenuItem> : null}
                      {moves.length > 0 ? <MenuDivider /> : null}
                      {moves.map((m) => (
                        <MenuItem key={m} onClick={() => onMove(c, m)}>
                          {words.move(m)}
                        </MenuItem>
                      ))}
                    </MenuList>
                  </MenuPopover>
                </Menu>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
