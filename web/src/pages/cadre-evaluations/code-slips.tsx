// Paper slips of voting codes, one per voter, to cut and hand out at random: the slip carries the
// evaluation, the voter category, the code and where to vote; nothing about who receives it.
import { useTranslation } from 'react-i18next';
import type { TEvaluationCodes } from '../../api/cadre-evaluations';
import { voteUrl } from './labels';

export function CodeSlips({ title, codes }: { title: string; codes: TEvaluationCodes }) {
  const { t } = useTranslation();
  return (
    <div className="evaluation-slips" data-testid="evaluation-slips">
      {codes.items.flatMap((it) =>
        it.codes.map((code) => (
          <div className="evaluation-slip" key={code}>
            <div>{title}</div>
            <div>
              {t('cadreEvaluations.codes.slipTitle')} · {it.name}
            </div>
            <div className="evaluation-slip-code" data-testid="evaluation-slip-code">
              {code}
            </div>
            <div className="evaluation-slip-hint">{t('cadreEvaluations.codes.slipHint', { url: voteUrl() })}</div>
          </div>
        )),
      )}
    </div>
  );
}
