// One evaluation: its subjects, the turnout per voter category (refreshed every few seconds while voting),
// opening and closing, and the code slips generated here (shown once, printable).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { closeEvaluation, getEvaluation, openEvaluation, type TEvaluationCodes, type TEvaluationDetail } from '../../api/cadre-evaluations';
import { errorText } from '../../api/client';
import { useRequest } from '../../lib/use-request';
import { CodesModal } from './codes-modal';
import { CodeSlips } from './code-slips';
import { STATUS_COLOR, voteUrl } from './labels';

type Category = TEvaluationDetail['categories'][number];

export function EvaluationDetail() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const ev = useRequest((signal) => getEvaluation(id, signal), [id]);
  const [generating, setGenerating] = useState(false);
  const [slips, setSlips] = useState<TEvaluationCodes>();
  const e = ev.data;

  // The turnout is live: poll while voting is open.
  useEffect(() => {
    if (e?.status !== 'open') return;
    const timer = setInterval(ev.reload, 5000);
    return () => clearInterval(timer);
  }, [e?.status, ev.reload]);

  const act = async (run: () => Promise<TEvaluationDetail>) => {
    try {
      ev.setData(await run());
    } catch (err) {
      message.error(errorText(err));
    }
  };

  if (ev.error) return <Alert type="error" showIcon message={errorText(ev.error)} />;
  if (!e) return <div className="page-card">{t('common.loading')}</div>;
  return (
    <div className="page-card evaluation-printable">
      <div className="no-print">
        <Button type="link" onClick={() => navigate('..')} style={{ paddingLeft: 0 }}>
          {t('cadreEvaluations.back')}
        </Button>
        <Typography.Title level={4}>
          {e.title} <Tag color={STATUS_COLOR[e.status]}>{t(`cadreEvaluations.status.${e.status}`)}</Tag>
        </Typography.Title>
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('cadreEvaluations.col.org')}>{e.managerOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('cadreEvaluations.detail.subjects')}>
            {e.subjects
              .map((s) => (s.kind === 'team' ? `${s.name}（${t('cadreEvaluations.detail.team')}）` : `${s.name} ${s.title}`))
              .join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('cadreEvaluations.form.dimensions')}>
            {e.dimensions.map((d) => `${d.label} ${d.weight}`).join('、')}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginBottom: 12 }}>
          {e.status !== 'closed' && (
            <Button onClick={() => setGenerating(true)} data-testid="evaluation-codes">
              {t('cadreEvaluations.detail.codes')}
            </Button>
          )}
          {e.status === 'draft' && (
            <Popconfirm title={t('cadreEvaluations.detail.openConfirm')} onConfirm={() => act(() => openEvaluation(id))}>
              <Button type="primary" data-testid="evaluation-open">
                {t('cadreEvaluations.detail.open')}
              </Button>
            </Popconfirm>
          )}
          {e.status === 'open' && (
            <Popconfirm title={t('cadreEvaluations.detail.closeConfirm')} onConfirm={() => act(() => closeEvaluation(id))}>
              <Button danger data-testid="evaluation-close">
                {t('cadreEvaluations.detail.close')}
              </Button>
            </Popconfirm>
          )}
          {e.status === 'closed' && (
            <Button type="primary" onClick={() => navigate('results')} data-testid="evaluation-results">
              {t('cadreEvaluations.detail.results')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} onClick={ev.reload}>
            {t('cadreEvaluations.detail.refresh')}
          </Button>
        </Space>
        {e.status === 'open' && (
          <Alert type="info" showIcon message={t('cadreEvaluations.detail.voteLink', { url: voteUrl() })} style={{ marginBottom: 12 }} />
        )}
        <div>
          <Typography.Text strong>{t('cadreEvaluations.detail.categories')}</Typography.Text>
        </div>
        <Table<Category>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={e.categories}
          data-testid="evaluation-turnout"
          style={{ margin: '8px 0 16px' }}
          summary={(rows) => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('cadreEvaluations.results.all')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              <Table.Summary.Cell index={2}>{rows.reduce((s, r) => s + r.planned, 0)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3}>{rows.reduce((s, r) => s + r.issued, 0)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4}>
                <span data-testid="evaluation-used-total">{rows.reduce((s, r) => s + r.used, 0)}</span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
          columns={[
            { title: t('cadreEvaluations.form.category'), dataIndex: 'name' },
            { title: t('cadreEvaluations.detail.weight'), dataIndex: 'weight', width: 80 },
            { title: t('cadreEvaluations.detail.planned'), dataIndex: 'planned', width: 110 },
            { title: t('cadreEvaluations.detail.issued'), dataIndex: 'issued', width: 90 },
            { title: t('cadreEvaluations.detail.used'), dataIndex: 'used', width: 90 },
          ]}
        />
      </div>
      {slips && (
        <>
          <Space className="no-print" style={{ marginBottom: 8 }}>
            <Alert type="warning" showIcon message={t('cadreEvaluations.codes.notice')} />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('cadreEvaluations.codes.print')}
            </Button>
          </Space>
          <CodeSlips title={e.title} codes={slips} />
        </>
      )}
      {generating && (
        <CodesModal
          evaluation={e}
          onClose={(codes) => {
            setGenerating(false);
            if (codes) {
              setSlips(codes);
              message.success(t('cadreEvaluations.codes.done', { count: codes.items.reduce((s, i) => s + i.codes.length, 0) }));
              ev.reload();
            }
          }}
        />
      )}
    </div>
  );
}
