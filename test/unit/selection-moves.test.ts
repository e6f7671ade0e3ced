import { describe, expect, it } from 'vitest';
import { canMove, movesFrom, selectionConflict, SELECTION_MOVES, MOVES } from '../../shared/domain/selection-moves';
import { SELECTION_STAGES, STAGES } from '../../shared/domain/stages';

const CLOSED = new Set<string>([...STAGES, ...SELECTION_STAGES].filter((s) => s.closed).map((s) => s.id));

describe('the office’s moves after triage', () => {
  it('never start from a closed stage, except a choice not yet final (reserve or not selected can be revisited)', () => {
    for (const move of SELECTION_MOVES) {
      for (const from of MOVES[move].from) {
        if (CLOSED.has(from)) expect([['select', 'notSelected'], ['reserve', 'notSelected']]).toContainEqual([move, from]);
      }
    }
  });

  it('an offer only to a selected candidate, and answered only once made', () => {
    expect(canMove('makeOffer', 'selected')).toBe(true);
    expect(canMove('makeOffer', 'reserve')).toBe(false);
    expect(movesFrom('offerMade')).toEqual(['acceptOffer', 'declineOffer', 'withdrawOffer']);
    expect(movesFrom('offerAccepted')).toEqual([]);
    expect(movesFrom('reserve')).toEqual(['select', 'reserve', 'notSelect', 'withdraw']);
  });

  it('a person selected by two divisions is a conflict until one yields', () => {
    expect(selectionConflict([{ division: 'DI', stage: 'selected' }, { division: 'PDD', stage: 'selected' }])).toEqual(['DI', 'PDD']);
    expect(selectionConflict([{ division: 'DI', stage: 'offerMade' }, { division: 'PDD', stage: 'selected' }])).toEqual(['DI', 'PDD']);
    expect(selectionConflict([{ division: 'DI', stage: 'selected' }, { division: 'PDD', stage: 'reserve' }])).toEqual([]);
  });
});
