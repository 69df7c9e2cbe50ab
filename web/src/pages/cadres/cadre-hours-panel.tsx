// The cadre file's 学时 panel (issue 14 point 6): five years of approved hours against the requirement
// (县处级 and above owe 550 over five years, shown per year), with the online part against its floor.
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getCadreHours, type TArchive } from '../../api/learning-hours';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';

export function CadreHoursPanel({ cadreId }: { cadreId: Id }) {
  const { t } = useTranslation();
  const req = useRequest((signal) => getCadreHours(cadreId, signal), [cadreId]);
  if (req.error !== undefined) return <Alert type="warning" showIcon title={errorText(req.error)} />;
  const items = req.data?.items ?? [];
  const five = items.reduce((s, a) => s + a.total, 0);
  const first = items[0];
  return (
    <div data-testid="cadre-hours">
      <Table<TArchive>
        size="small"
        rowKey="year"
        loading={!req.data}
        pagination={false}
        dataSource={items}
        columns={[
          { title: t('learningHours.cadre.year'), dataIndex: 'year', width: 70 },
          ...(['online', 'quiz', 'class', 'assigned', 'party_school', 'self'] as const).map((s) => ({
            title: t(`learningHours.source.${s}`),
            render: (_: unknown, a: TArchive) => a.bySource[s],
          })),
          { title: t('learningHours.cadre.total'), dataIndex: 'total' },
          { title: t('learningHours.cadre.required'), dataIndex: 'required' },
          { title: t('learningHours.cadre.shortfall'), dataIndex: 'shortfall' },
          {
            title: t('learningHours.cadre.online'),
            render: (_: unknown, a: TArchive) => (a.onlineFloor > 0 ? `${a.onlineTotal} / ${a.onlineFloor}` : a.onlineTotal),
          },
        ]}
      />
      {first && first.periodYears > 1 && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {Math.round(five * 10) / 10} / {first.required * first.periodYears}
        </Typography.Paragraph>
      )}
      {first && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {first.sources.join('；')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
