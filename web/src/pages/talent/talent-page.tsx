// 人才工作 (the talent office): the registry, a person's page, the structure, 人才分类认定 and the tier sets.
import { Route, Routes } from 'react-router-dom';
import RegistryPage from './registry-page';
import PersonPage from './person-page';
import StructurePage from './structure-page';
import RecognitionsPage from './recognitions-page';
import RecognitionPage from './recognition-page';
import TierSetsPage from './tier-sets-page';

export default function TalentPage() {
  return (
    <Routes>
      <Route index element={<RegistryPage />} />
      <Route path="people/:id" element={<PersonPage />} />
      <Route path="structure" element={<StructurePage />} />
      <Route path="recognitions" element={<RecognitionsPage />} />
      <Route path="recognitions/:id" element={<RecognitionPage />} />
      <Route path="tier-sets" element={<TierSetsPage />} />
    </Routes>
  );
}
