import { api } from './client';
import type { TSettings } from '../../../domain/schemas/system';

export type { TSettings };

export const getSettings = () => api.get<TSettings>('/api/system/settings');
export const putSettings = (settings: TSettings) => api.put<TSettings>('/api/system/settings', settings);
