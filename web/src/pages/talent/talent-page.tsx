// 人才工作 (the talent office): the registry, a person's page and the structure.
import { Route, Routes } from 'react-router-dom';
import RegistryPage from './registry-page';
import PersonPage from './person-page';
import StructurePage from './structure-page';

export default function TalentPage() {
  return (
    <Routes>
      <Route index element={<RegistryPage />} />
      <Route path="people/:id" element={<PersonPage />} />
      <Route path="structure" element={<StructurePage />} />
    </Routes>
  );
}
