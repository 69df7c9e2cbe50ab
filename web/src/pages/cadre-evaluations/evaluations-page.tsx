// 民主测评 (the 干部科's side): the list, a new evaluation, one evaluation's turnout and codes, its results.
import { Route, Routes } from 'react-router-dom';
import { EvaluationList } from './evaluation-list';
import { EvaluationForm } from './evaluation-form';
import { EvaluationDetail } from './evaluation-detail';
import { EvaluationResultsView } from './evaluation-results';
import './cadre-evaluations.css';

export default function EvaluationsPage() {
  return (
    <Routes>
      <Route index element={<EvaluationList />} />
      <Route path="new" element={<EvaluationForm />} />
      <Route path=":id" element={<EvaluationDetail />} />
      <Route path=":id/results" element={<EvaluationResultsView />} />
    </Routes>
  );
}
