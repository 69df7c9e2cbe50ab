import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANG_NAMES, setLanguage, type Lang } from '../i18n';

export function LanguageSwitch({ className }: { className?: string }) {
  const { i18n } = useTranslation();
  return (
    <Segmented<Lang>
      className={className}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh'}
      options={[
        { label: LANG_NAMES.zh, value: 'zh' },
        { label: LANG_NAMES.en, value: 'en' },
      ]}
      onChange={(lang) => void setLanguage(lang)}
    />
  );
}
