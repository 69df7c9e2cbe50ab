// The query builder: the fields of a cadre query (domain/schemas/cadre-search.ts), the usual ones
// always shown, the rest behind "more". Empty fields are dropped, so a saved query holds only what
// the officer asked for.
import { useEffect, useState } from 'react';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Tooltip } from 'antd';
import { QuestionCircleOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { BACKGROUNDS, EDUCATION_RANKS, LEVEL_BANDS, LEVELS, POLITICAL_STATUSES, UNIT_KINDS } from '../../../../domain/cadre-codes';
import { GENDERS } from '../../../../domain/member-fields';
import type { TCadreQueryInput } from '../../api/cadre-search';

const options = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

/** The query without empty values (undefined, '', [], false). */
export function cleanQuery(values: TCadreQueryInput): TCadreQueryInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as TCadreQueryInput;
}

export function QueryForm({
  form,
  onSearch,
  onReset,
  advanced,
}: {
  form: ReturnType<typeof Form.useForm<TCadreQueryInput>>[0];
  onSearch: (q: TCadreQueryInput) => void;
  onReset: () => void;
  /** The query uses a condition behind "more" (a saved query was loaded): show them. */
  advanced: boolean;
}) {
  const { t } = useTranslation();
  const [more, setMore] = useState(advanced);
  useEffect(() => {
    if (advanced) setMore(true);
  }, [advanced]);
  const col = { xs: 24, sm: 12, lg: 8, xl: 6 };
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      onFinish={() => onSearch(cleanQuery(form.getFieldsValue(true)))}
      initialValues={{ sort: 'pinyin' }}
    >
      <Row gutter={12}>
        <Col {...col}>
          <Form.Item name="q" label={t('cadreSearch.q')} rules={[{ max: 30 }]}>
            <Input allowClear placeholder={t('cadreSearch.qPlaceholder')} data-testid="cadre-q" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="unitKinds" label={t('cadreSearch.unitKinds')}>
            <Select mode="multiple" allowClear options={options(UNIT_KINDS)} maxTagCount="responsive" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="levelBand" label={t('cadreSearch.levelBand')}>
            <Select allowClear options={options(Object.keys(LEVEL_BANDS))} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('cadreSearch.age')}>
            <Space.Compact>
              <Form.Item name="ageMin" noStyle>
                <InputNumber min={0} max={120} placeholder={t('cadreSearch.ageMin')} />
              </Form.Item>
              <Form.Item name="ageMax" noStyle>
                <InputNumber min={0} max={120} placeholder={t('cadreSearch.ageMax')} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="post" label={t('cadreSearch.post')} rules={[{ max: 40 }]}>
            <Input allowClear placeholder={t('cadreSearch.postPlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="sex" label={t('cadreSearch.sex')}>
            <Select allowClear options={options(GENDERS)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="eduRankMax" label={t('cadreSearch.eduRankMax')}>
            <Select allowClear options={EDUCATION_RANKS.map((e) => ({ value: e.rank, label: e.label }))} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('cadreSearch.experience')}>
            <Space>
              <Form.Item name="grassroots" valuePropName="checked" noStyle>
                <Checkbox data-testid="cadre-grassroots">{t('cadreSearch.grassroots')}</Checkbox>
              </Form.Item>
              <Tooltip title={t('cadreSearch.grassrootsHint')}>
                <QuestionCircleOutlined className="muted" />
              </Tooltip>
            </Space>
          </Form.Item>
        </Col>
        {more && (
          <>
            <Col {...col}>
              <Form.Item name="levels" label={t('cadreSearch.levels')}>
                <Select mode="multiple" allowClear options={options(LEVELS)} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="ageAt" label={t('cadreSearch.ageAt')}>
                <Input type="date" allowClear />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="backgrounds" label={t('cadreSearch.backgrounds')}>
                <Select mode="multiple" allowClear options={options(BACKGROUNDS)} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="political" label={t('cadreSearch.political')}>
                <Select mode="multiple" allowClear options={options(POLITICAL_STATUSES)} maxTagCount="responsive" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="yearsInPostMin" label={t('cadreSearch.yearsInPostMin')}>
                <InputNumber min={0} max={60} suffix={t('cadreSearch.years')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="grassrootsMonthsMin" label={t('cadreSearch.grassrootsMonthsMin')}>
                <InputNumber min={1} max={600} suffix={t('cadreSearch.months')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="unitKindsMin" label={t('cadreSearch.unitKindsMin')}>
                <InputNumber min={1} max={UNIT_KINDS.length} suffix={t('cadreSearch.kinds')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item label=" ">
                <Space direction="vertical" size={0}>
                  <Form.Item name="twoPostsBelow" valuePropName="checked" noStyle>
                    <Checkbox>{t('cadreSearch.twoPostsBelow')}</Checkbox>
                  </Form.Item>
                  <Form.Item name="includeLeft" valuePropName="checked" noStyle>
                    <Checkbox>{t('cadreSearch.includeLeft')}</Checkbox>
                  </Form.Item>
                </Space>
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Space wrap>
        <Form.Item name="sort" noStyle>
          <Select
            style={{ width: 170 }}
            options={[
              { value: 'pinyin', label: t('cadreSearch.sortPinyin') },
              { value: 'age', label: t('cadreSearch.sortAge') },
              { value: 'level', label: t('cadreSearch.sortLevel') },
            ]}
          />
        </Form.Item>
        <Form.Item name="desc" valuePropName="checked" noStyle>
          <Checkbox>{t('cadreSearch.desc')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="cadre-search">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onReset();
          }}
        >
          {t('common.reset')}
        </Button>
        <Button type="link" onClick={() => setMore(!more)}>
          {more ? t('cadreSearch.less') : t('cadreSearch.more')}
        </Button>
      </Space>
    </Form>
  );
}
