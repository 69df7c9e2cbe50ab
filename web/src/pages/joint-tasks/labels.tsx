// Stage and check-result labels (from domain/rules/joint-tasks.ts) in the current language, as tags.
import { Tag } from 'antd';
import { CHECK_RESULT_LABELS, JOINT_STAGE_LABELS, type CheckResult, type JointStage } from '../../../../domain/rules/joint-tasks';
import { useLabels } from '../../lib/labels';

export const STAGE_COLOR: Record<JointStage, string> = {
  planned: 'default',
  deployed: 'cyan',
  in_progress: 'blue',
  done: 'green',
  checked: 'purple',
};
const RESULT_COLOR: Record<CheckResult, string> = { excellent: 'gold', good: 'green', passed: 'blue', failed: 'red' };

export function useTaskLabels() {
  const { lang } = useLabels();
  return {
    stage: (s: JointStage) => JOINT_STAGE_LABELS[s][lang],
    result: (r: CheckResult) => CHECK_RESULT_LABELS[r][lang],
  };
}

export function StageTag({ stage }: { stage: JointStage }) {
  const { stage: label } = useTaskLabels();
  return <Tag color={STAGE_COLOR[stage]}>{label(stage)}</Tag>;
}

export function ResultTag({ result }: { result: CheckResult | null }) {
  const { result: label } = useTaskLabels();
  return result ? <Tag color={RESULT_COLOR[result]}>{label(result)}</Tag> : null;
}
