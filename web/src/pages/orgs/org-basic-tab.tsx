// The organization's basic facts, with two small charts (sub-organization kinds, member composition).
import { Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TOrgDetail } from '../../api/orgs';
import { useLabels } from '../../lib/labels';
import { OrgCharts } from './org-charts';
import { ancestorsOf } from './org-path';

export function OrgBasicTab({ org, revision }: { org: TOrgDetail; revision: number }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const parent = ancestorsOf(org).at(-1);
  const dash = (v: string | null | undefined) => v || '—';

  const items = [
    { key: 'name', label: t('orgs.fields.name'), children: org.name, span: 2 },
    { key: 'shortName', label: t('orgs.fields.shortName'), children: dash(org.shortName) },
    { key: 'code', label: t('orgs.fields.code'), children: <span className="mono">{dash(org.code)}</span> },
    { key: 'kind', label: t('orgs.fields.kind'), children: labels.kind(org.kind) },
    { key: 'unitType', label: t('orgs.fields.unitType'), children: dash(labels.unitType(org.unitType)) },
    { key: 'parent', label: t('orgs.fields.parent'), children: parent ? <Link to={`/orgs/${parent.id}`}>{parent.name}</Link> : '—' },
    { key: 'establishedOn', label: t('orgs.fields.establishedOn'), children: dash(org.establishedOn) },
    { key: 'status', label: t('orgs.fields.status'), children: t(`orgs.status.${org.status}`) },
    ...(org.dissolvedOn ? [{ key: 'dissolvedOn', label: t('orgs.fields.dissolvedOn'), children: org.dissolvedOn }] : []),
    { key: 'childCount', label: t('orgs.fields.childCount'), children: org.childCount },
    // Member counts are Party business: absent for the security administrator and other areas' officers.
    ...(org.memberCount === null
      ? []
      : [
          { key: 'memberCount', label: t('orgs.fields.memberCount'), children: org.memberCount },
          { key: 'fullMemberCount', label: t('orgs.fields.fullMemberCount'), children: org.fullMemberCount },
          { key: 'probationaryCount', label: t('orgs.fields.probationaryCount'), children: org.probationaryCount },
        ]),
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Descriptions size="small" bordered column={2} items={items} styles={{ label: { width: 120 } }} />
      </Col>
      <Col xs={24} xl={10}>
        <OrgCharts org={org} revision={revision} />
      </Col>
    </Row>
  );
}
