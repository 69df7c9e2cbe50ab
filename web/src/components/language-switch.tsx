import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Lang } from '../i18n';

export function LanguageSwitch({ className }: { className?: string }) {
  const { i18n } = useTranslation();
  return (
    <Segmented<Lang>
      className={className}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh'}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(lang) => void setLanguage(lang)}
    />
  );
}
