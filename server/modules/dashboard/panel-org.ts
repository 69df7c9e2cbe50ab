// The organization a panel is about: the caller's own or one of its subtree (loadOrg answers 404 outside it).
export interface PanelOrg {
  id: number;
  name: string;
  kind: string;
  path: string;
}
