// 党员管理: the list (with filters, import and export) and each member's record page.
import { Route, Routes } from 'react-router-dom';
import { MemberListPage } from './member-list-page';
import { MemberDetailPage } from './member-detail-page';

export default function MembersPage() {
  return (
    <Routes>
      <Route index element={<MemberListPage />} />
      <Route path=":id" element={<MemberDetailPage />} />
    </Routes>
  );
}
