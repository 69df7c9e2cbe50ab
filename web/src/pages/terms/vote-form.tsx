// 登记选举结果: should attend, present, candidates and their yes votes. The ⅘ quorum and the majority are
// computed live in the browser by the same domain function the server uses (domain/rules/terms.ts).
import { useMemo, useState } from 'react';
import { Alert, App, AutoComplete, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { electionResult, majorityMinimum, quorumMinimum, surplusWarning, type ElectionOutcome } from '../../../../domain/rules/terms';
import { errorText } from '../../api/client';
import { recordResult, searchEligible, type TElection, type TEligible } from '../../api/terms';
import type { Id } from '../../api/types';
import { toDateString } from '../../lib/dates';

interface CandidateValue {
  memberId?: Id;
  personName: string;
  votesFor: number | null;
}
interface Values {
  heldOn: Dayjs;
  shouldAttend: number | null;
  present: number | null;
  candidates: CandidateValue[];
  minutes?: string;
}

/** The live outcome, or the reason the counts cannot be true (the rule's RangeError message). */
function liveOutcome(v: Partial<Values>, seats: number): { outcome?: ElectionOutcome; problem?: string } {
  if (!v.shouldAttend || v.present == null) return {};
  try {
    const candidates = (v.candidates ?? []).map((c) => ({ votesFor: c?.votesFor ?? 0 }));
    return { outcome: electionResult({ shouldAttend: v.shouldAttend, present: v.present, seats, candidates }) };
  } catch (e) {
    return { problem: e instanceof RangeError ? e.message : String(e) };
  }
}

function NamePicker({
  orgId,
  value,
  onChange,
  onPick,
  testId,
}: {
  orgId: Id;
  value?: string;
  onChange?: (v: string) => void;
  onPick: (id?: Id) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<TEligible[]>([]);
  const search = (q: string) => {
    if (q.trim())
      searchEligible(orgId, q.trim()).then(
        (r) => setOptions(r.items),
        () => setOptions([]),
      );
  };
  return (
    <AutoComplete
      value={value}
      style={{ width: 220 }}
      placeholder={t('terms.vote.pickMember')}
      options={options.map((o) => ({ value: `${o.id}`, label: `${o.name}（${o.orgName}）` }))}
      onSearch={search}
      onChange={(v) => {
        onChange?.(v);
        onPick(undefined);
      }}
      onSelect={(id: string) => {
        const m = options.find((o) => `${o.id}` === id);
        if (m) {
          onChange?.(m.name);
          onPick(m.id);
        }
      }}
      data-testid={testId}
    />
  );
}

export function VoteForm({
  election,
  orgId,
  voters,
  onClose,
}: {
  election: TElection;
  orgId: Id;
  voters: number;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const seats = election.plannedSeats ?? 1;
  const { outcome, problem } = useMemo(() => liveOutcome(values ?? {}, seats), [values, seats]);
  const should = values?.shouldAttend ?? 0;
  const surplus = surplusWarning(seats, values?.candidates?.length ?? 0);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      await recordResult(election.id, {
        heldOn: toDateString(v.heldOn)!,
        shouldAttend: v.shouldAttend ?? 0,
        present: v.present ?? 0,
        minutes: v.minutes?.trim() || undefined,
        version: election.version,
        candidates: (v.candidates ?? []).map((c) => ({ memberId: c.memberId, personName: c.personName.trim(), votesFor: c.votesFor ?? 0 })),
      });
      void message.success(t('terms.action.done'));
      onClose(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={`${t('terms.vote.title')}：${election.orgName}`}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      okText={t('terms.vote.submit')}
      okButtonProps={{ 'data-testid': 'vote-submit' } as never}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('terms.vote.votersHint')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="vote-error" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ heldOn: dayjs(), shouldAttend: voters || null, present: null, candidates: [] }}
      >
        <Space wrap size="large">
          <Form.Item name="heldOn" label={t('terms.vote.heldOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="vote-held-on" />
          </Form.Item>
          <Form.Item name="shouldAttend" label={t('terms.vote.shouldAttend')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} data-testid="vote-should-attend" />
          </Form.Item>
          <Form.Item name="present" label={t('terms.vote.present')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} data-testid="vote-present" />
          </Form.Item>
        </Space>
        <div data-testid="vote-quorum" style={{ marginBottom: 12 }}>
          {problem && <Alert type="error" showIcon title={t('terms.vote.invalid', { msg: problem })} />}
          {outcome && (
            <Alert
              type={outcome.quorate ? 'success' : 'error'}
              showIcon
              title={t(outcome.quorate ? 'terms.vote.quorumOk' : 'terms.vote.quorumFail', {
                present: values?.present,
                should,
                min: quorumMinimum(should),
              })}
              description={
                outcome.quorate
                  ? [t('terms.vote.majority', { min: majorityMinimum(should) }), ...outcome.notes, outcome.failure]
                      .filter(Boolean)
                      .join('；')
                  : outcome.failure
              }
            />
          )}
        </div>
        <Typography.Text strong>{t('terms.vote.candidates')}</Typography.Text>
        {surplus && <Alert type="warning" showIcon title={surplus} style={{ margin: '8px 0' }} />}
        <Form.List name="candidates">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => {
                const o = outcome?.candidates[i];
                return (
                  <Space key={f.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name={[f.name, 'memberId']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'personName']} rules={[{ required: true, whitespace: true }]} style={{ marginBottom: 0 }}>
                      <NamePicker
                        orgId={orgId}
                        onPick={(id) => form.setFieldValue(['candidates', f.name, 'memberId'], id)}
                        testId={`vote-candidate-name-${i}`}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'votesFor']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                      <InputNumber min={0} precision={0} placeholder={t('terms.vote.votes')} data-testid={`vote-candidate-votes-${i}`} />
                    </Form.Item>
                    {o &&
                      (o.elected ? (
                        <Tag color="green">{t('terms.vote.elected')}</Tag>
                      ) : (
                        <Tag>{o.tie ? t('terms.vote.tie') : t('terms.vote.notElected')}</Tag>
                      ))}
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Space>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ personName: '', votesFor: null })}
                style={{ marginTop: 8 }}
                data-testid="vote-add-candidate"
              >
                {t('terms.vote.addCandidate')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item rules={[{ max: 2000 }]} name="minutes" label={t('terms.vote.minutes')} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
