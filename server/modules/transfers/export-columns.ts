// Columns of the transfer list export, in the order of the page's table.
import type { Column } from '../../export/xlsx.js';
import type { TTransferRow } from '../../../domain/schemas/transfers.js';
import { TRANSFER_KIND_LABELS, TRANSFER_STATUS_LABELS } from '../../../domain/rules/transfers.js';

export const letterColumns: Column<TTransferRow>[] = [
  { header: '介绍信编号', width: 20, value: (r) => r.letterNo },
  { header: '类型', value: (r) => TRANSFER_KIND_LABELS[r.kind].zh },
  { header: '状态', value: (r) => (r.overdue ? '逾期' : TRANSFER_STATUS_LABELS[r.status].zh) },
  { header: '姓名', value: (r) => r.memberName },
  { header: '性别', width: 6, value: (r) => r.gender },
  { header: '类别', value: (r) => (r.category === 'full' ? '正式党员' : '预备党员') },
  { header: '转出党组织', width: 30, value: (r) => r.fromOrgName },
  { header: '接收党组织', width: 30, value: (r) => r.toOrgName },
  { header: '开具日期', value: (r) => r.issuedOn },
  { header: '有效期至', value: (r) => r.expiresOn },
  { header: '接收日期', value: (r) => r.receivedOn },
  { header: '确认日期', value: (r) => r.confirmedOn },
  { header: '退回日期', value: (r) => r.returnedOn },
  { header: '退回原因', width: 24, value: (r) => r.returnReason },
  { header: '转接原因', width: 24, value: (r) => r.reason },
];
