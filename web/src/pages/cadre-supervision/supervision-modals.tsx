// Which write modal is open on a cadre's records page, and the one switch that shows it.
import { useTranslation } from 'react-i18next';
import {
  exportSupervisionList,
  returnPassport,
  tripBack,
  type TSupervisionList,
  type TSupervisionRecords,
} from '../../api/cadre-supervision';
import type { Id } from '../../api/types';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { PoolEnterModal, PoolLeaveModal, PoolNoteModal, PoolPlanModal } from './pool-forms';
import { AdjustmentModal, DateModal, PartTimeModal, PassportInModal, PassportOutModal, ReportModal } from './record-forms';
import { TripApplyModal, TripDecideModal, TripPassportModal } from './trip-forms';

export type OpenModal =
  | { k: 'adjust' | 'report' | 'passportIn' | 'partTime' | 'tripApply' | 'poolEnter' }
  | { k: 'passportOut' | 'passportReturn' | 'tripDecide' | 'tripPassport' | 'tripBack'; id: Id }
  | { k: 'poolPlan' | 'poolNote' | 'poolLeave'; id: Id };

export function SupervisionModal(p: { open: OpenModal; records: TSupervisionRecords; onClose: (r?: TSupervisionRecords) => void }) {
  const { t } = useTranslation();
  const { open, onClose } = p;
  const cadreId = p.records.cadreId;
  switch (open.k) {
    case 'adjust':
      return <AdjustmentModal cadreId={cadreId} onClose={onClose} />;
    case 'report':
      return <ReportModal cadreId={cadreId} onClose={onClose} />;
    case 'passportIn':
      return <PassportInModal cadreId={cadreId} onClose={onClose} />;
    case 'partTime':
      return <PartTimeModal cadreId={cadreId} onClose={onClose} />;
    case 'tripApply':
      return <TripApplyModal cadreId={cadreId} onClose={onClose} />;
    case 'poolEnter':
      return <PoolEnterModal cadreId={cadreId} onClose={onClose} />;
    case 'passportOut':
      return <PassportOutModal passportId={open.id} onClose={onClose} />;
    case 'passportReturn':
      return (
        <DateModal
          title={t('cadreSupervision.form.passportReturnTitle')}
          label={t('cadreSupervision.col.returnedOn')}
          testId="sup-passport-return"
          submit={(d) => returnPassport(open.id, d)}
          onClose={onClose}
        />
      );
    case 'tripDecide':
      return <TripDecideModal tripId={open.id} onClose={onClose} />;
    case 'tripPassport':
      return <TripPassportModal tripId={open.id} records={p.records} onClose={onClose} />;
    case 'tripBack':
      return (
        <DateModal
          title={t('cadreSupervision.form.tripBackTitle')}
          label={t('cadreSupervision.col.cameBackOn')}
          testId="sup-trip-back"
          submit={(d) => tripBack(open.id, d)}
          onClose={onClose}
        />
      );
    case 'poolPlan':
      return <PoolPlanModal entryId={open.id} onClose={onClose} />;
    case 'poolNote':
      return <PoolNoteModal entryId={open.id} onClose={onClose} />;
    case 'poolLeave':
      return <PoolLeaveModal entryId={open.id} onClose={onClose} />;
  }
}

/** A supervision list in Excel (all the cadres the user manages), with its purpose. */
export function ListExportModal({ list, onClose }: { list: TSupervisionList; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ExportPurposeModal
      title={t('cadreSupervision.export.title', { list: t(`cadreSupervision.export.lists.${list}`) })}
      notice={t('cadreSupervision.export.notice')}
      testId="sup-export-purpose"
      onExport={(purpose) => exportSupervisionList(list, purpose)}
      onClose={onClose}
    />
  );
}
