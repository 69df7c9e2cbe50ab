// The learning pages: materials and plans, quizzes, classes (培训班) and the 学时 archive, for the offices (learning.read)
// and for the learner (learning.self, under my/learning). Every page is its own chunk (React.lazy).
import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { guarded } from './components/route-guards';

const LearningPage = lazy(() => import('./pages/learning/learning-page'));
const MyLearningPlansPage = lazy(() => import('./pages/learning/my-plans-page'));
const StudyPage = lazy(() => import('./pages/learning/study-page'));
const LearningQuizzesPage = lazy(() => import('./pages/learning-quizzes/learning-quizzes-page'));
const MyQuizzesPage = lazy(() => import('./pages/learning-quizzes/my-quizzes-page'));
const LearningClassesPage = lazy(() => import('./pages/learning-classes/classes-page'));
const MyClassesPage = lazy(() => import('./pages/learning-classes/my-classes-page'));
const MyCertificatesPage = lazy(() => import('./pages/learning-classes/my-certificates-page'));
const MyLearningPage = lazy(() => import('./pages/learning-hours/my-learning-page'));
const MyHoursPage = lazy(() => import('./pages/learning-hours/my-hours-page'));
const LearningHoursPage = lazy(() => import('./pages/learning-hours/hours-page'));

// The public certificate check (/verify) needs no account and stays in routes.tsx, outside the layout.
export const learningRoutes: RouteObject[] = [
  guarded('learning/*', 'learning.read', <LearningPage />),
  guarded('learning/quizzes/*', 'learning.read', <LearningQuizzesPage />),
  guarded('learning/classes/*', 'learning.read', <LearningClassesPage />),
  guarded('learning/hours', 'learning.read', <LearningHoursPage />),
  guarded('my/learning', 'learning.self', <MyLearningPage />),
  guarded('my/learning/plans', 'learning.self', <MyLearningPlansPage />),
  guarded('my/learning/materials/:id', 'learning.self', <StudyPage />),
  guarded('my/learning/quizzes/*', 'learning.self', <MyQuizzesPage />),
  guarded('my/learning/classes', 'learning.self', <MyClassesPage />),
  guarded('my/learning/certificates', 'learning.self', <MyCertificatesPage />),
  guarded('my/learning/hours', 'learning.self', <MyHoursPage />),
];
