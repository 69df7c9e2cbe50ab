import { api } from './client';
import type { Settings } from './types';

export const getSettings = () => api.get<Settings>('/api/system/settings');
export const putSettings = (settings: Settings) => api.put<Settings>('/api/system/settings', settings);
