// A new checklist version, edited from an existing one: items (category, title, maximum, guide) in an
// editable table whose maxima must add up to 100, the five star thresholds, a name and an effective date.
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_TOTAL, checklistProblems, type StandardItem, type StarThreshold } from '../../../../domain/rules/standards';
import { errorText } from '../../api/client';
import { createChecklist, type TChecklist } from '../../api/standards';
import { toDateString } from '../../lib/dates';
import { useStarLabel } from './star-tag';

export function ChecklistEditor({ base, onClose }: { base: TChecklist; onClose: (saved?: { items: TChecklist[] }) => void }) {
  const { t } = useTranslation();
  const { star } = useStarLabel();
  const [name, setName] = useState(base.name);
  const [from, setFrom] = useState<Dayjs | null>(dayjs().add(1, 'year').startOf('year'));
  const [items, setItems] = useState<StandardItem[]>(base.items);
  const [thresholds, setThresholds] = useState<StarThreshold[]>(base.starThresholds);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const sum = Math.round(items.reduce((n, i) => n + (i.maxScore || 0), 0) * 10) / 10;
  const problems = checklistProblems(items, thresholds);

  const setItem = (k: number, patch: Partial<StandardItem>) => setItems(items.map((i, j) => (j === k ? { ...i, ...patch } : i)));
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onClose(await createChecklist({ name: name.trim(), effectiveFrom: toDateString(from)!, items, starThresholds: thresholds }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={1100}
      title={t('standards.config.newTitle')}
      okText={t('standards.config.newVersion')}
      confirmLoading={busy}
      okButtonProps={{ disabled: problems.length > 0 || !from || name.trim().length < 2, 'data-testid': 'checklist-save' } as never}
      onOk={save}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form layout="inline" style={{ marginBottom: 8 }}>
        <Form.Item label={t('standards.config.name')}>
          <Input style={{ width: 360 }} count={{ max: 60 }} value={name} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('standards.config.effectiveFrom')}>
          <DatePicker value={from} onChange={setFrom} />
        </Form.Item>
      </Form>
      <Space wrap style={{ marginBottom: 8 }}>
        <span>{t('standards.config.thresholds')}</span>
        {thresholds.map((s, k) => (
          <span key={s.stars}>
            {star(s.stars)}{' '}
            <InputNumber
              size="small"
              min={0}
              max={CHECKLIST_TOTAL}
              step={0.5}
              style={{ width: 70 }}
              value={s.minScore}
              disabled={s.stars === 1}
              onChange={(v) => setThresholds(thresholds.map((x, j) => (j === k ? { ...x, minScore: v ?? 0 } : x)))}
            />
          </span>
        ))}
      </Space>
      <Table<StandardItem>
        size="small"
        rowKey={(r) => String(items.indexOf(r))}
        pagination={false}
        dataSource={items}
        scroll={{ y: 420 }}
        columns={[
          {
            title: t('standards.config.code'),
            key: 'code',
            width: 80,
            render: (_v, r, k) => <Input size="small" value={r.code} onChange={(e) => setItem(k, { code: e.target.value })} />,
          },
          {
            title: t('standards.sheet.category'),
            key: 'cat',
            width: 110,
            render: (_v, r, k) => <Input size="small" value={r.category} onChange={(e) => setItem(k, { category: e.target.value })} />,
          },
          {
            title: t('standards.sheet.item'),
            key: 'title',
            width: 200,
            render: (_v, r, k) => <Input size="small" value={r.title} onChange={(e) => setItem(k, { title: e.target.value })} />,
          },
          {
            title: t('standards.sheet.max'),
            key: 'max',
            width: 80,
            render: (_v, r, k) => (
              <InputNumber
                size="small"
                min={0.5}
                max={100}
                step={0.5}
                style={{ width: 70 }}
                value={r.maxScore}
                onChange={(v) => setItem(k, { maxScore: v ?? 0 })}
              />
            ),
          },
          {
            title: t('standards.sheet.guide'),
            key: 'guide',
            render: (_v, r, k) => (
              <Input.TextArea
                size="small"
                autoSize={{ maxRows: 3 }}
                value={r.guide}
                onChange={(e) => setItem(k, { guide: e.target.value })}
              />
            ),
          },
          {
            title: '',
            key: 'del',
            width: 40,
            render: (_v, _r, k) => (
              <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => setItems(items.filter((_x, j) => j !== k))} />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button
          size="small"
          onClick={() =>
            setItems([
              ...items,
              { code: `X${items.length + 1}`, category: items.at(-1)?.category ?? '', title: '', maxScore: 1, guide: '' },
            ])
          }
        >
          {t('standards.config.addItem')}
        </Button>
        <Typography.Text type={sum === CHECKLIST_TOTAL ? 'success' : 'danger'}>{t('standards.config.sum', { sum })}</Typography.Text>
        {problems
          .filter((p) => p.code !== 'items' || sum === CHECKLIST_TOTAL)
          .slice(0, 2)
          .map((p) => (
            <Typography.Text key={p.message} type="danger">
              {p.message}
            </Typography.Text>
          ))}
      </Space>
    </Modal>
  );
}
