// Dashboard panels (server/modules/dashboard/routes.ts): one GET per panel, shapes from domain/schemas.
import { api } from './client';
import type { Id } from './types';
import type {
  DashboardPanel, TCompliancePanel, TDevelopmentPanel, TDuesPanel, TMembersPanel, TStandardsPanel, TTermsPanel,
} from '../../../domain/schemas/dashboard';

export type { TCompliancePanel, TDevelopmentPanel, TDuesPanel, TMembersPanel, TStandardsPanel, TTermsPanel };

export interface PanelData {
  members: TMembersPanel;
  development: TDevelopmentPanel;
  compliance: TCompliancePanel;
  dues: TDuesPanel;
  terms: TTermsPanel;
  standards: TStandardsPanel;
}

export const getPanel = <P extends DashboardPanel>(panel: P, orgId: Id, signal?: AbortSignal) =>
  api.get<PanelData[P]>(`/api/dashboard/${panel}`, { orgId }, { signal });
