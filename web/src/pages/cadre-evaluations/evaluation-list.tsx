// The evaluations of the officer's scope with their live turnout.
import { Button, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listEvaluations, type TEvaluationListItem } from '../../api/cadre-evaluations';
import { errorText } from '../../api/client';
import { useRequest } from '../../lib/use-request';
import { STATUS_COLOR } from './labels';

export function EvaluationList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useRequest((signal) => listEvaluations(signal), []);
  return (
    <div className="page-card">
      <Typography.Title level={4}>
        {t('cadreEvaluations.title')}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {t('cadreEvaluations.subtitle')}
        </Typography.Text>
      </Typography.Title>
      <div className="filter-bar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')} data-testid="evaluation-create">
          {t('cadreEvaluations.create')}
        </Button>
      </div>
      {list.error ? <Typography.Text type="danger">{errorText(list.error)}</Typography.Text> : null}
      <Table<TEvaluationListItem>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('cadreEvaluations.col.title'), dataIndex: 'title', render: (v: string, r) => <Link to={String(r.id)}>{v}</Link> },
          { title: t('cadreEvaluations.col.org'), dataIndex: 'managerOrgName', width: 160 },
          { title: t('cadreEvaluations.col.subjects'), dataIndex: 'subjects', width: 90 },
          { title: t('cadreEvaluations.col.turnout'), width: 120, render: (_, r) => `${r.used} / ${r.issued}` },
          {
            title: t('cadreEvaluations.col.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: TEvaluationListItem['status']) => <Tag color={STATUS_COLOR[s]}>{t(`cadreEvaluations.status.${s}`)}</Tag>,
          },
          {
            title: t('cadreEvaluations.col.createdAt'),
            dataIndex: 'createdAt',
            width: 120,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
          },
        ]}
      />
    </div>
  );
}
