// 干部档案: the list, the officer's queue of correction requests and each cadre's file.
import { Route, Routes } from 'react-router-dom';
import { CadreListPage } from './cadre-list-page';
import { CadreFilePage } from './cadre-file-page';
import { CorrectionsPage } from './corrections-page';

export default function CadresPage() {
  return (
    <Routes>
      <Route index element={<CadreListPage />} />
      <Route path="corrections" element={<CorrectionsPage />} />
      <Route path=":id" element={<CadreFilePage />} />
    </Routes>
  );
}
