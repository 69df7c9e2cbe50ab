// The frequency rules as versions: the built-in 2018 set, the city's versions, which one is in force;
// a new version from a date, and removing one that has not taken effect (RULES.md §3).
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { KIND_TARGET, type OrgLifeRule, type PeriodKind } from '../../../../domain/rules/org-life';
import { errorText } from '../../api/client';
import { getRuleVersions, putRuleVersions, type TRuleVersion, type TRuleVersionInput } from '../../api/org-life';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';
import { useKindLabel } from './compliance-format';
import { RuleVersionModal } from './rule-version-modal';

const inputOf = (v: TRuleVersion): TRuleVersionInput => ({ effectiveFrom: v.effectiveFrom, title: v.title, rules: v.rules });

export function RulesTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const kindLabel = useKindLabel();
  const req = useRequest((signal) => getRuleVersions(signal), []);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string>();
  const editable = can(me.roles, 'life.config');
  const data = req.data;
  const city = data?.versions.filter((v) => !v.builtIn) ?? [];

  const save = async (versions: TRuleVersionInput[]) => {
    setError(undefined);
    try {
      req.setData(await putRuleVersions(versions));
      void message.success(t('orgLife.rules.saved'));
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };

  return (
    <>
      <Alert type="info" showIcon title={t('orgLife.rules.intro')} style={{ marginBottom: 12 }} />
      {(req.error !== undefined || error) && (
        <Alert type="error" showIcon title={error ?? errorText(req.error)} style={{ marginBottom: 8 }} />
      )}
      {editable && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginBottom: 12 }}
          data-testid="rule-version-add"
          disabled={!data}
        >
          {t('orgLife.rules.add')}
        </Button>
      )}
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        {[...(data?.versions ?? [])].reverse().map((v) => (
          <Card
            key={v.version}
            size="small"
            data-testid={`rule-version-${v.version}`}
            title={
              <Space wrap>
                <span>{v.title}</span>
                <span className="muted">
                  {t('orgLife.rules.effectiveFrom')} {v.effectiveFrom}
                </span>
                {v.builtIn && <Tag>{t('orgLife.rules.builtIn')}</Tag>}
                {v.version === data!.inForce && <Tag color="green">{t('orgLife.rules.inForce')}</Tag>}
                {v.effectiveFrom > data!.today && <Tag color="blue">{t('orgLife.rules.future')}</Tag>}
              </Space>
            }
            extra={
              editable &&
              !v.builtIn &&
              v.effectiveFrom > data!.today && (
                <Popconfirm
                  title={t('orgLife.rules.removeConfirm', { title: v.title })}
                  onConfirm={() => save(city.filter((c) => c.version !== v.version).map(inputOf))}
                >
                  <Button size="small" danger>
                    {t('orgLife.rules.remove')}
                  </Button>
                </Popconfirm>
              )
            }
          >
            <Table<OrgLifeRule>
              size="small"
              rowKey="kind"
              pagination={false}
              dataSource={v.rules as OrgLifeRule[]}
              columns={[
                { title: t('orgLife.rules.kind'), dataIndex: 'kind', width: 160, render: (k: string) => kindLabel(k) },
                {
                  title: t('orgLife.rules.frequency'),
                  dataIndex: 'frequency',
                  width: 90,
                  render: (f: PeriodKind) => t(`orgLife.rules.freq.${f}`),
                },
                {
                  title: t('orgLife.rules.target'),
                  key: 'target',
                  width: 170,
                  render: (_x, r) => t(`orgLife.rules.targets.${KIND_TARGET[r.kind]}`),
                },
                { title: t('orgLife.rules.article'), dataIndex: 'article' },
              ]}
            />
          </Card>
        ))}
      </Space>
      {!data && req.loading && <Typography.Text type="secondary">…</Typography.Text>}
      {adding && data && (
        <RuleVersionModal
          base={data.versions.find((v) => v.version === data.inForce) ?? data.versions[0]}
          today={data.today}
          onSubmit={async (nv) => await save([...city.map(inputOf), nv])}
          onClose={() => setAdding(false)}
        />
      )}
    </>
  );
}
