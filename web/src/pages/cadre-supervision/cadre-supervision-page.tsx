// 干部监督: the young-cadre pool and a cadre's records of 能上能下, the pool, 个人有关事项报告, 因私出国（境） trips and
// passports, and 兼职, each recorded here through its form.
import { Route, Routes } from 'react-router-dom';
import { PoolPage } from './pool-page';
import { RecordsPage } from './records-page';

export default function CadreSupervisionPage() {
  return (
    <Routes>
      <Route path="cadres/:id" element={<RecordsPage />} />
      <Route path="*" element={<PoolPage />} />
    </Routes>
  );
}
