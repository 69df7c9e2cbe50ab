// Pinyin keys for organization names: initials for search ("sfs" finds 示范市) and the full
// pinyin as a sort key that orders the same way on both engines (PGlite has no zh collation).
import { pinyin } from 'pinyin-pro';

export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function pinyinSortKey(name: string): string {
  return pinyin(name, { toneType: 'num', type: 'array', nonZh: 'consecutive' }).join(' ').toLowerCase();
}
