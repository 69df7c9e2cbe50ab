// Dashboard panels (server/modules/dashboard/routes.ts): one GET per panel, shapes from domain/schemas.
import { api } from './client';
import type { Id } from './types';
import type {
  DashboardPanel,
  TCompliancePanel,
  TDevelopmentPanel,
  TDuesPanel,
  TMembersPanel,
  TPanelData,
  TStandardsPanel,
  TTermsPanel,
} from '../../../domain/schemas/dashboard';

export type { TCompliancePanel, TDevelopmentPanel, TDuesPanel, TMembersPanel, TPanelData, TStandardsPanel, TTermsPanel };

export const getPanel = <P extends DashboardPanel>(panel: P, orgId: Id, signal?: AbortSignal) =>
  api.get<TPanelData[P]>(`/api/dashboard/${panel}`, { orgId }, { signal });
