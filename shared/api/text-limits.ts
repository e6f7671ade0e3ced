import type { z } from 'zod';
import { campaignMethods } from './campaigns';
import { screeningMethods } from './screening';
import { selectionMethods } from './selection';
import { shortlistMethods } from './shortlists';
import { triageMethods } from './triage';

export interface TextBounds {
  min: number;
  max: number;
}

/** A text field's bounds as its schema states them. */
function bounds(schema: z.ZodString): TextBounds {
  return { min: schema.minLength ?? 0, max: schema.maxLength ?? Number.MAX_SAFE_INTEGER };
}

/**
 * The bounds of the texts officers type, read from the contract's own schemas: a dialog says "too
 * short" exactly when the worker would refuse, and one change to a schema changes both.
 */
export const TEXT_LIMITS = {
  campaignName: bounds(campaignMethods['campaign.create'].input.shape.name),
  overrideJustification: bounds(screeningMethods['screening.override'].input.shape.justification),
  correctionReason: bounds(screeningMethods['application.correct'].input.shape.reason),
  correctedValue: bounds(screeningMethods['application.correct'].input.shape.value),
  note: bounds(triageMethods['triage.note'].input.shape.text),
  shortlistNote: bounds(shortlistMethods['shortlists.setNote'].input.shape.note.unwrap()),
  moveReason: bounds(selectionMethods['selection.move'].input.shape.reason.unwrap()),
  interviewer: bounds(selectionMethods['selection.move'].input.shape.interview.unwrap().shape.interviewer.unwrap().unwrap()),
  interviewPlace: bounds(selectionMethods['selection.move'].input.shape.interview.unwrap().shape.place.unwrap().unwrap()),
  rubricLabel: bounds(triageMethods['triage.setRubric'].input.shape.criteria.element.shape.label),
} as const satisfies Record<string, TextBounds>;
