// A Party member's own record (member.self): the same facts as the staff view, read-only.
import { Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getMyMember } from '../../api/members';
import { PageSpin } from '../../components/route-guards';
import { useRequest } from '../../lib/use-request';
import { MemberRecord, MemberTags } from './member-detail-page';

export default function MyRecordPage() {
  const { t } = useTranslation();
  const req = useRequest(() => getMyMember(), []);
  if (req.error) return <Result status="warning" title={t('nav.myRecord')} subTitle={errorText(req.error)} />;
  const m = req.data;
  if (!m) return <PageSpin />;
  return (
    <div className="page-card">
      <Space size={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="my-record-name">
          {m.name}
        </Typography.Title>
        <MemberTags m={m} />
      </Space>
      <MemberRecord m={m} canReveal={false} />
    </div>
  );
}
