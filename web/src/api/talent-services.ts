// Talent services delivered by other departments (server/modules/talent-services): the office configures
// departments and service types and follows requests; a department answers its own; a talent asks and
// follows. Shapes from domain/schemas.
import { api } from './client';
import type { Id, TItems } from './types';
import type {
  TServiceAnswer,
  TServiceClose,
  TServiceDepartment,
  TServiceDepartmentCreate,
  TServiceRequest,
  TServiceRequestCreate,
  TServiceRequestList,
  TServiceRequestQuery,
  TServiceRoute,
  TServiceStatus,
  TServiceType,
  TServiceTypeCreate,
  TServiceTypeUpdate,
  TServiceVersion,
} from '../../../domain/schemas/talent-services';
import { SERVICE_STATUSES } from '../../../domain/schemas/talent-services';

export type {
  TServiceAnswer,
  TServiceClose,
  TServiceDepartment,
  TServiceDepartmentCreate,
  TServiceRequest,
  TServiceRequestCreate,
  TServiceRequestList,
  TServiceRoute,
  TServiceStatus,
  TServiceType,
  TServiceTypeCreate,
  TServiceTypeUpdate,
  TServiceVersion,
};
export { SERVICE_STATUSES };

/** The list filters (the query without its paging). */
export type ServiceFilters = Partial<Omit<TServiceRequestQuery, 'limit' | 'offset'>>;

const base = '/api/talent-services';

// —— the talent office ——
export const listDepartments = (signal?: AbortSignal) => api.get<TItems<TServiceDepartment>>(`${base}/departments`, undefined, { signal });
export const createDepartment = (body: TServiceDepartmentCreate) => api.post<{ id: Id }>(`${base}/departments`, body);
export const listTypes = (signal?: AbortSignal) => api.get<TItems<TServiceType>>(`${base}/types`, undefined, { signal });
export const createType = (body: TServiceTypeCreate) => api.post<{ id: Id }>(`${base}/types`, body);
export const updateType = (id: Id, body: TServiceTypeUpdate) => api.put<void>(`${base}/types/${id}`, body);
export const listRequests = (f: ServiceFilters, signal?: AbortSignal) =>
  api.get<TServiceRequestList>(`${base}/requests`, { ...f, limit: 500 }, { signal });
export const getRequest = (id: Id, signal?: AbortSignal) => api.get<TServiceRequest>(`${base}/requests/${id}`, undefined, { signal });
export const routeRequest = (id: Id, body: TServiceRoute) => api.post<TServiceRequest>(`${base}/requests/${id}/route`, body);
export const closeRequest = (id: Id, body: TServiceClose) => api.post<TServiceRequest>(`${base}/requests/${id}/close`, body);

// —— a department's own requests ——
export const listDepartmentRequests = (f: ServiceFilters, signal?: AbortSignal) =>
  api.get<TServiceRequestList>(`${base}/department/requests`, { ...f, limit: 500 }, { signal });
export const acceptRequest = (id: Id, body: TServiceVersion) => api.post<TServiceRequest>(`${base}/department/requests/${id}/accept`, body);
export const answerRequest = (id: Id, body: TServiceAnswer) => api.post<TServiceRequest>(`${base}/department/requests/${id}/answer`, body);

// —— the talent's own ——
export const listMyTypes = (signal?: AbortSignal) => api.get<TItems<TServiceType>>(`${base}/me/types`, undefined, { signal });
export const listMyRequests = (signal?: AbortSignal) => api.get<TServiceRequestList>(`${base}/me/requests`, { limit: 500 }, { signal });
export const createMyRequest = (body: TServiceRequestCreate) => api.post<TServiceRequest>(`${base}/me/requests`, body);
export const closeMyRequest = (id: Id, body: TServiceClose) => api.post<TServiceRequest>(`${base}/me/requests/${id}/close`, body);
export const withdrawMyRequest = (id: Id, body: TServiceVersion) => api.post<TServiceRequest>(`${base}/me/requests/${id}/withdraw`, body);
