// One signal of one organization: its level as a coloured tag, and each reason linking to the page where
// it is dealt with (or, when normal, what there is to say).
import { Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { HEALTH_LEVEL_LABELS, type HealthLevel } from '../../../../domain/rules/org-health';
import type { THealthCell } from '../../api/org-health';
import { useLabels } from '../../lib/labels';

export const LEVEL_COLORS: Record<HealthLevel, string> = { ok: 'success', attention: 'warning', warning: 'error' };
export const LEVEL_RANK: Record<HealthLevel, number> = { ok: 0, attention: 1, warning: 2 };

export function LevelTag({ level }: { level: HealthLevel }) {
  const { lang } = useLabels();
  return (
    <Tag color={LEVEL_COLORS[level]} className="health-tag">
      {HEALTH_LEVEL_LABELS[level][lang]}
    </Tag>
  );
}

export function HealthCell({ cell }: { cell: THealthCell | null }) {
  const { t } = useTranslation();
  if (!cell)
    return (
      <span className="muted" title={t('orgHealth.notApplicable')}>
        —
      </span>
    );
  return (
    <div className="health-cell" data-level={cell.level}>
      <LevelTag level={cell.level} />
      {cell.reasons.length > 0 ? (
        <ul className="health-reasons">
          {cell.reasons.map((r) => (
            <li key={r.text}>
              <Link to={r.link} data-testid="health-reason">
                {r.text}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary" className="health-summary">
          {cell.summary}
        </Typography.Text>
      )}
    </div>
  );
}
