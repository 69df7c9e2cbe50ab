// i18next with Chinese built in and English fetched on first use, so the first page stays small.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ConfigProviderProps } from 'antd';
import antdZh from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zh from './zh';

export type Lang = 'zh' | 'en';
/** Each language by its own name (the same whatever the interface language). */
export const LANG_NAMES: Record<Lang, string> = { zh: '中文', en: 'English' };
type Locale = NonNullable<ConfigProviderProps['locale']>;
const STORAGE_KEY = 'zugong.lang';
const antdLocales: Partial<Record<Lang, Locale>> = { zh: antdZh };

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh';
}

export function antdLocale(lang: Lang): Locale {
  return antdLocales[lang] ?? antdZh;
}

export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { zh: { translation: zh } },
    lng: 'zh',
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  dayjs.locale('zh-cn');
  if (localStorage.getItem(STORAGE_KEY) === 'en') await setLanguage('en');
}

export async function setLanguage(lang: Lang): Promise<void> {
  if (lang === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const [en, antdEn] = await Promise.all([import('./en'), import('antd/locale/en_US')]);
    i18n.addResourceBundle('en', 'translation', en.default);
    antdLocales.en = antdEn.default;
  }
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  await i18n.changeLanguage(lang);
}
