// Tables of the statistics summaries (migration 008): written only by the triggers, stat_compact,
// stat_add_ref and stat_rebuild; read by server/modules/statistics.
import type { Generated } from 'kysely';

export interface StatCellsTable {
  org_id: number;
  /** total, category, gender, ethnicity, birth, edu, occupation, period, fullym, status, okind, ounit */
  dim: string;
  val: string;
  n: number;
}

export interface StatRefCellsTable extends StatCellsTable {
  /** stat_refs.ref: what changes from the current cells to that reference date. */
  ref: string;
}

/** Migration 010: stat_cells of the dims birth and fullym summed by year. */
export interface StatYearCellsTable {
  org_id: number;
  /** 'birth' | 'fullym' */
  dim: string;
  /** 'YYYY' */
  yr: string;
  n: number;
}

export interface StatRefsTable {
  /** 'YYYY-MM' */
  ref: string;
  /** The month's last day. */
  as_of: string;
  created_at: Generated<Date>;
}

export interface StatTables {
  stat_cells: StatCellsTable;
  stat_year_cells: StatYearCellsTable;
  stat_refs: StatRefsTable;
  stat_ref_cells: StatRefCellsTable;
  /** Appended by the triggers (ref '' = stat_cells), folded in by stat_compact(). */
  stat_deltas: StatRefCellsTable;
}
