// 人才服务办理 (a service department's account): the requests routed to its department only; accept
// and answer them. Overdue ones are highlighted; an answer after the due date is marked late.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import {
  SERVICE_STATUSES,
  acceptRequest,
  answerRequest,
  listDepartmentRequests,
  type ServiceFilters,
  type TServiceRequest,
  type TServiceStatus,
} from '../../api/talent-services';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import { RequestTable, ServiceEvents, StatusTags } from './service-parts';

export default function DepartmentServicesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<ServiceFilters>({});
  const [viewing, setViewing] = useState<TServiceRequest>();
  const [answering, setAnswering] = useState<TServiceRequest>();
  const [form] = Form.useForm<{ answer: string }>();
  const list = useRequest((signal) => listDepartmentRequests(filters, signal), [filters]);

  const accept = async (r: TServiceRequest) => {
    try {
      await acceptRequest(r.id, { version: r.version, note: '' });
      void message.success(t('talentServices.department.accepted'));
      list.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const answer = async () => {
    const v = await validValues(form);
    if (!v || !answering) return;
    try {
      await answerRequest(answering.id, { answer: v.answer, version: answering.version });
      void message.success(t('talentServices.department.answered'));
      setAnswering(undefined);
      list.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('talentServices.department.title')}</Typography.Title>
      <Alert type="info" showIcon title={t('talentServices.department.hint')} style={{ marginBottom: 8 }} />
      <div className="filter-bar">
        <Space wrap>
          <Select<TServiceStatus>
            allowClear
            style={{ width: 120 }}
            placeholder={t('talentServices.office.filterStatus')}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
            options={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`talentServices.status.${s}`) }))}
          />
          <Checkbox
            checked={filters.overdue === 'true'}
            onChange={(e) => setFilters((f) => ({ ...f, overdue: e.target.checked ? 'true' : undefined }))}
          >
            {t('talentServices.office.onlyOverdue')}
          </Checkbox>
        </Space>
      </div>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <RequestTable
        items={list.data?.items}
        total={list.data?.total}
        loading={list.loading}
        onOpen={setViewing}
        actions={(r) =>
          (r.status === 'submitted' || r.status === 'accepted') && (
            <Space size={4}>
              {r.status === 'submitted' && (
                <Button size="small" onClick={() => void accept(r)} data-testid={`accept-${r.id}`}>
                  {t('talentServices.department.accept')}
                </Button>
              )}
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  form.resetFields();
                  setAnswering(r);
                }}
                data-testid={`answer-${r.id}`}
              >
                {t('talentServices.department.answer')}
              </Button>
            </Space>
          )
        }
      />
      {viewing && (
        <Drawer
          open
          width={560}
          title={t('talentServices.office.detailTitle', { name: viewing.personName })}
          onClose={() => setViewing(undefined)}
        >
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('talentServices.col.status')}>
              <StatusTags r={viewing} />
            </Descriptions.Item>
            <Descriptions.Item label={t('talentServices.col.type')}>{viewing.typeName}</Descriptions.Item>
            <Descriptions.Item label={t('talentServices.col.dueOn')}>{`${viewing.submittedOn} ~ ${viewing.dueOn}`}</Descriptions.Item>
            <Descriptions.Item label={t('talentServices.col.detail')}>{viewing.detail}</Descriptions.Item>
            {viewing.answer && <Descriptions.Item label={t('talentServices.col.answer')}>{viewing.answer}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('talentServices.office.events')}
          </Typography.Title>
          <ServiceEvents r={viewing} />
        </Drawer>
      )}
      <Modal
        open={!!answering}
        title={answering && t('talentServices.department.answerTitle', { name: answering.personName, type: answering.typeName })}
        onOk={answer}
        onCancel={() => setAnswering(undefined)}
        okButtonProps={{ 'data-testid': 'answer-ok' } as never}
        forceRender
      >
        {answering?.overdue && <Alert type="warning" showIcon title={t('talentServices.late')} style={{ marginBottom: 8 }} />}
        <Form form={form} layout="vertical">
          <Form.Item
            name="answer"
            label={t('talentServices.department.answerText')}
            rules={[{ required: true, whitespace: true }, { max: 2000 }]}
          >
            <Input.TextArea rows={4} data-testid="answer-text" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
