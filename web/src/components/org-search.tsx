// Search box above the sider tree: name infix or pinyin initials; picking a hit opens it.
import { Select, Spin } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { OrgTitle } from './org-title';
import { useOrgSearch } from './use-org-search';

export function OrgSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { query, setQuery, hits, loading } = useOrgSearch();

  return (
    <Select<string>
      data-testid="org-search"
      style={{ width: '100%' }}
      size="small"
      value={null}
      suffixIcon={<SearchOutlined />}
      placeholder={t('orgs.searchPlaceholder')}
      showSearch={{ onSearch: setQuery, filterOption: false, searchValue: query }}
      notFoundContent={loading ? <Spin size="small" /> : query.trim() ? t('common.noResult') : null}
      popupMatchSelectWidth={320}
      options={hits.map((h) => ({
        value: String(h.id),
        label: (
          <div>
            <OrgTitle name={h.name} kind={h.kind} status={h.status} />
            <div className="hit-path">{h.pathNames}</div>
          </div>
        ),
      }))}
      onChange={(id) => {
        setQuery('');
        navigate(`/orgs/${id}`);
      }}
    />
  );
}
