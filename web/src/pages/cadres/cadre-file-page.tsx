// One cadre's file: the form-shaped summary first, then each section as a tab with its edit modal,
// the 三龄二历 review status per item, the photo, the audited reveal of the ID number and the history.
import { downloadForm } from '../../api/cadre-exchange';
import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Descriptions, Result, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { CheckCircleOutlined, EditOutlined, EyeOutlined, PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import type { ReviewItem } from '../../../../domain/cadre-codes';
import { ApiError, errorText } from '../../api/client';
import { cadrePhotoUrl, getCadre, revealCadreId, uploadCadrePhoto, type TAppointment, type TCadreFile } from '../../api/cadres';
import { useMe } from '../../auth/auth-context';
import { NotFoundResult } from '../../components/results';
import { PageSpin } from '../../components/route-guards';
import { useRequest } from '../../lib/use-request';
import { CadreFormView, EduCell } from './cadre-form-view';
import { CadreHistoryTab } from './cadre-history-tab';
import { CadreHoursPanel } from './cadre-hours-panel';
import { BasicModal, EducationModal, ResumeModal } from './cadre-section-modals';
import { AppointmentModal, EndAppointmentModal, ListModal, ReviewModal, type ListSection } from './cadre-list-modals';
import { BasicTab, RowsTable } from './cadre-file-tabs';

type Dialog =
  | { kind: 'basic' | 'education' | 'resume' | 'appointment' }
  | { kind: 'list'; section: ListSection }
  | { kind: 'end'; appointment: TAppointment }
  | { kind: 'review'; item: ReviewItem };

export function CadreFilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [revealed, setRevealed] = useState<string>();
  const req = useRequest((signal) => getCadre(id, signal), [id]);
  if (req.error instanceof ApiError && (req.error.status === 404 || req.error.status === 400))
    return <NotFoundResult subTitle={t('cadres.notFound')} />;
  if (req.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(req.error)} />;
  const c = req.data?.id === id ? req.data : undefined;
  if (!c) return <PageSpin />;
  const writable = can(me.roles, 'cadre.write');
  const saved = (f: TCadreFile) => {
    setDialog(null);
    req.setData(f);
    void message.success(t('common.saved'));
  };
  const edit = (d: Dialog) =>
    writable && (
      <Button
        size="small"
        icon={<EditOutlined />}
        onClick={() => setDialog(d)}
        data-testid={`cadre-edit-${'section' in d ? d.section : d.kind}`}
      >
        {t('common.edit')}
      </Button>
    );
  const props = { file: c, onCancel: () => setDialog(null), onSaved: saved };

  return (
    <div className="page-card">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/cadres">{t('cadres.title')}</Link> }, { title: c.name }]} />
      <div className="org-head">
        <Space size={8} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="cadre-name">
            {c.name}
          </Typography.Title>
          {c.currentTitle && <span className="muted">{c.currentTitle}</span>}
          {c.level && <Tag>{c.level}</Tag>}
          {c.memberId !== null && <Tag color="red">{t('cadres.memberLinked')}</Tag>}
          <Tag color={c.status === 'active' ? 'green' : 'default'}>{t(`cadres.status.${c.status as 'active'}`)}</Tag>
        </Space>
        <Space wrap>
          {can(me.roles, 'cadre.export') &&
            (['pdf', 'docx', 'lrmx'] as const).map((f) => (
              <Button
                key={f}
                size="small"
                icon={<PrinterOutlined />}
                onClick={() => downloadForm(c.id, f).catch((e: unknown) => void message.error(errorText(e)))}
                data-testid={`cadre-print-${f}`}
              >
                {t(`cadreExchange.print.${f}`)}
              </Button>
            ))}
          {c.idMasked && can(me.roles, 'cadre.reveal_id') && (
            <Button
              size="small"
              icon={<EyeOutlined />}
              onClick={() =>
                revealCadreId(c.id).then(
                  (r) => setRevealed(r.idNumber),
                  (e: unknown) => void message.error(errorText(e)),
                )
              }
            >
              {revealed ?? t('cadres.revealId')}
            </Button>
          )}
          {writable && (
            <Upload
              accept="image/jpeg,image/png"
              showUploadList={false}
              customRequest={({ file }) => {
                uploadCadrePhoto(c.id, file as File).then(
                  (f) => {
                    req.setData(f);
                    void message.success(t('cadres.photo.uploaded'));
                  },
                  (e: unknown) => void message.error(errorText(e)),
                );
              }}
            >
              <Button size="small" icon={<UploadOutlined />} title={t('cadres.photo.hint')}>
                {t('cadres.photo.upload')}
              </Button>
            </Upload>
          )}
        </Space>
      </div>
      {c.pendingCorrections > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={<Link to="/cadres/corrections">{t('cadres.pendingCorrections', { n: c.pendingCorrections })}</Link>}
        />
      )}
      <Tabs
        items={[
          {
            key: 'form',
            label: t('cadres.tabs.form'),
            children: <CadreFormView form={c.form} photoUrl={cadrePhotoUrl(c.id, c.version)} />,
          },
          { key: 'basic', label: t('cadres.tabs.basic'), children: <BasicTab c={c} action={edit({ kind: 'basic' })} /> },
          {
            key: 'education',
            label: t('cadres.tabs.education'),
            children: (
              <>
                {edit({ kind: 'education' })}
                <Descriptions bordered size="small" column={1} style={{ marginTop: 8 }}>
                  <Descriptions.Item label={t('cadres.edu.fullTime')}>
                    <EduCell row={c.fullTime} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cadres.edu.inService')}>
                    <EduCell row={c.inService} />
                  </Descriptions.Item>
                </Descriptions>
              </>
            ),
          },
          {
            key: 'resume',
            label: t('cadres.tabs.resume'),
            children: (
              <>
                {edit({ kind: 'resume' })}
                <Table
                  size="small"
                  rowKey={(_r, i) => String(i)}
                  pagination={false}
                  dataSource={c.resume}
                  columns={[
                    { title: t('cadres.resume.from'), dataIndex: 'from', width: 90 },
                    {
                      title: t('cadres.resume.to'),
                      dataIndex: 'to',
                      width: 90,
                      render: (v: string | null) => v ?? t('cadres.resume.current'),
                    },
                    { title: t('cadres.resume.text'), dataIndex: 'text', render: (v: string, r) => [v, ...r.sub].join('\n') },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'appointments',
            label: t('cadres.tabs.appointments'),
            children: (
              <>
                {writable && (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => setDialog({ kind: 'appointment' })}
                    data-testid="cadre-appointment-add"
                  >
                    {t('cadres.appointment.add')}
                  </Button>
                )}
                <Table<TAppointment>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={c.appointments}
                  scroll={{ x: 800 }}
                  columns={[
                    { title: t('cadres.appointment.title'), dataIndex: 'title' },
                    { title: t('cadres.appointment.level'), dataIndex: 'level', width: 70 },
                    { title: t('cadres.appointment.decidedOn'), dataIndex: 'decidedOn', width: 120 },
                    { title: t('cadres.appointment.docNo'), dataIndex: 'docNo', width: 160 },
                    {
                      title: t('cadres.fields.status'),
                      key: 'state',
                      width: 160,
                      render: (_v, a) =>
                        a.endedOn ? (
                          `${t('cadres.appointment.ended')} ${a.endedOn}`
                        ) : (
                          <Space>
                            <Tag color="green">{t('cadres.appointment.open')}</Tag>
                            {writable && (
                              <Button size="small" type="link" onClick={() => setDialog({ kind: 'end', appointment: a })}>
                                {t('cadres.appointment.end')}
                              </Button>
                            )}
                          </Space>
                        ),
                    },
                  ]}
                />
              </>
            ),
          },
          ...(['ranks', 'rewards', 'assessments', 'family'] as const).map((section) => ({
            key: section,
            label: t(`cadres.tabs.${section}`),
            children: (
              <>
                {edit({ kind: 'list', section })}
                <RowsTable c={c} section={section} />
              </>
            ),
          })),
          {
            key: 'reviews',
            label: t('cadres.tabs.reviews'),
            children: (
              <Table
                size="small"
                rowKey="item"
                pagination={false}
                dataSource={c.reviews}
                columns={[
                  {
                    title: t('cadres.review.confirm'),
                    dataIndex: 'item',
                    width: 140,
                    render: (v: ReviewItem) => t(`cadres.review.items.${v}`),
                  },
                  {
                    title: t('cadres.fields.status'),
                    key: 'status',
                    render: (_v, r) =>
                      r.reviewed ? (
                        <span>
                          <Tag icon={<CheckCircleOutlined />} color="green">
                            {t('cadres.review.reviewed')}
                          </Tag>
                          {t('cadres.review.by', { name: r.reviewerName, date: r.reviewedOn, source: r.source })}
                        </span>
                      ) : (
                        <Tag>{t('cadres.review.unreviewed')}</Tag>
                      ),
                  },
                  {
                    title: t('common.actions'),
                    key: 'act',
                    width: 110,
                    render: (_v, r) =>
                      can(me.roles, 'cadre.review') && (
                        <Button size="small" onClick={() => setDialog({ kind: 'review', item: r.item })}>
                          {t('cadres.review.confirm')}
                        </Button>
                      ),
                  },
                ]}
              />
            ),
          },
          { key: 'learning', label: t('learningHours.cadre.title'), children: <CadreHoursPanel cadreId={c.id} /> },
          { key: 'history', label: t('cadres.tabs.history'), children: <CadreHistoryTab cadreId={c.id} version={c.version} /> },
        ]}
      />
      {dialog?.kind === 'basic' && <BasicModal {...props} />}
      {dialog?.kind === 'education' && <EducationModal {...props} />}
      {dialog?.kind === 'resume' && <ResumeModal {...props} />}
      {dialog?.kind === 'appointment' && <AppointmentModal {...props} />}
      {dialog?.kind === 'end' && <EndAppointmentModal {...props} appointment={dialog.appointment} />}
      {dialog?.kind === 'list' && <ListModal {...props} section={dialog.section} />}
      {dialog?.kind === 'review' && <ReviewModal {...props} item={dialog.item} />}
    </div>
  );
}
