// Pieces the three talent-service pages share: the status tag with the overdue / late marks and the
// request's history.
import { Space, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TServiceRequest } from '../../api/talent-services';
import { formatMinute } from '../../lib/dates';

const STATUS_COLOR = { submitted: 'gold', accepted: 'blue', answered: 'cyan', closed: 'green', withdrawn: 'default' } as const;

export function StatusTags({ r }: { r: TServiceRequest }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[r.status]}>{t(`talentServices.status.${r.status}`)}</Tag>
      {r.overdue && !r.late && (
        <Tag color="red" data-testid={`overdue-${r.id}`}>
          {t('talentServices.overdue')}
        </Tag>
      )}
      {r.late && <Tag color="volcano">{t('talentServices.late')}</Tag>}
    </Space>
  );
}

export function ServiceEvents({ r }: { r: TServiceRequest }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={r.events.map((e, i) => ({
        key: i,
        content: [formatMinute(e.at), t(`talentServices.event.${e.action}`, { defaultValue: e.action }), e.by ?? '', e.note]
          .filter(Boolean)
          .join(' · '),
      }))}
    />
  );
}
