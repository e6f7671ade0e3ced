import { tokens } from '@fluentui/react-components';
import type { Stage } from '../../../shared/domain/stages';

/** One colour per triage stage, wherever stages are drawn (the queues, the Overview). */
export const STAGE_COLOUR: Record<Stage, string> = {
  new: tokens.colorNeutralStrokeAccessible,
  inReview: tokens.colorPaletteMarigoldBorderActive,
  proposed: tokens.colorPaletteGreenBorderActive,
  notRetained: tokens.colorPaletteRedBorderActive,
};
