// A talent's evaluations over the years and the entry of one year (server/modules/talent-evaluations): the
// indicator sets come with them, so the form shows the set in force for the year. Shapes from domain/schemas.
import { api } from './client';
import type { Id } from './types';
import type { TEvaluationInput, TIndicator, TPersonEvaluations } from '../../../domain/schemas/talent-evaluations';
import { evaluationDay, indicatorsInForce } from '../../../domain/rules/talent-evaluation';

export type { TEvaluationInput, TIndicator, TPersonEvaluations };

export const getPersonEvaluations = (personId: Id, signal?: AbortSignal) =>
  api.get<TPersonEvaluations>(`/api/talent/people/${personId}/evaluations`, undefined, { signal });
export const recordEvaluation = (personId: Id, body: TEvaluationInput) =>
  api.post<TPersonEvaluations>(`/api/talent/people/${personId}/evaluations`, body);

/** The indicators a year is scored against (the set in force on its last day), by the same rule as the server. */
export const indicatorsForYear = (data: TPersonEvaluations, year: number): TIndicator[] =>
  indicatorsInForce(
    data.indicatorSets.flatMap((s) => s.indicators),
    evaluationDay(year),
  );
