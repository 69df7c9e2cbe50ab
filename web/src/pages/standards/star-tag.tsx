// Stars as a tag (五星 … 一星) and the labels of the standards' codes in the current language.
import { Tag } from 'antd';
import { STAR_LABELS, WEAK_REASON_LABELS, type WeakReason } from '../../../../domain/rules/standards';
import { useLabels } from '../../lib/labels';

const COLORS: Record<number, string> = { 5: 'gold', 4: 'green', 3: 'blue', 2: 'orange', 1: 'red' };

export function useStarLabel() {
  const { lang } = useLabels();
  return {
    star: (n: number | null | undefined) => (n ? (STAR_LABELS[n]?.[lang] ?? String(n)) : STAR_LABELS[0][lang]),
    reason: (r: WeakReason | string) => WEAK_REASON_LABELS[r as WeakReason]?.[lang] ?? r,
  };
}

export function StarTag({ stars }: { stars: number | null | undefined }) {
  const { star } = useStarLabel();
  if (!stars) return <Tag>{star(0)}</Tag>;
  return (
    <Tag color={COLORS[stars]} data-testid="star-tag">
      {'★'.repeat(stars)} {star(stars)}
    </Tag>
  );
}
