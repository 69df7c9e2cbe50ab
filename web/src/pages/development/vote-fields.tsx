// The 支部大会 vote: five counts and, as they are typed, whether the meeting is quorate and the
// motion passed by the rule (domain branchVote: over half of those who SHOULD attend).
import { Alert, Form, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { branchVote } from '../../../../domain/rules/development';

const FIELDS = ['shouldAttend', 'present', 'inFavor', 'against', 'abstain'] as const;

export function VoteFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const v = Form.useWatch('vote', form) as Partial<Record<(typeof FIELDS)[number], number>> | undefined;
  const ready = v?.shouldAttend && v.present !== undefined && v.present !== null && v.inFavor !== undefined && v.inFavor !== null;
  const result = ready ? branchVote({ shouldAttend: v.shouldAttend!, present: v.present!, inFavor: v.inFavor! }) : null;
  return (
    <div data-testid="vote-fields">
      <Space wrap>
        {FIELDS.map((f) => (
          <Form.Item
            key={f}
            name={['vote', f]}
            label={t(`development.vote.${f}`)}
            rules={[{ required: f !== 'against' && f !== 'abstain' }]}
            initialValue={f === 'against' || f === 'abstain' ? 0 : undefined}
          >
            <InputNumber min={0} max={100000} precision={0} style={{ width: f === 'shouldAttend' ? 150 : 90 }} data-testid={`vote-${f}`} />
          </Form.Item>
        ))}
      </Space>
      {result && (
        <div data-testid="vote-result">
          <Alert
            showIcon
            type={result.quorate ? 'success' : 'error'}
            title={t(result.quorate ? 'development.vote.quorate' : 'development.vote.notQuorate')}
            style={{ marginBottom: 4 }}
            data-testid="vote-quorum"
          />
          {result.quorate && (
            <Alert
              showIcon
              type={result.passed ? 'success' : 'warning'}
              data-testid="vote-majority"
              title={
                result.passed
                  ? t('development.vote.passed')
                  : t('development.vote.notPassed', { need: Math.floor(v!.shouldAttend! / 2) + 1 })
              }
            />
          )}
        </div>
      )}
    </div>
  );
}
