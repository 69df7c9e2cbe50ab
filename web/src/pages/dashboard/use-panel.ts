// One request per panel: every panel of the page loads on its own, in parallel, with its own skeleton.
import { useEffect, useState } from 'react';
import type { DashboardPanel } from '../../../../domain/schemas/dashboard';
import { getPanel, type TPanelData } from '../../api/dashboard';
import type { Id } from '../../api/types';
import { useRequest, type RequestState } from '../../lib/use-request';

export const usePanel = <P extends DashboardPanel>(panel: P, orgId: Id): RequestState<TPanelData[P]> =>
  useRequest((signal) => getPanel(panel, orgId, signal), [panel, orgId]);

/** True once the line chart module is registered (see echarts-line.ts). */
export function useLineChart(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void import('./echarts-line').then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
