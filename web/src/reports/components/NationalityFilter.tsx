import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useCountryName } from '../../i18n/countries';

const EVERYONE = '';

/** One nationality (alpha-3) or everyone; countries named in the reader's language, searchable by name. */
export function NationalityFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const country = useCountryName();
  const nationalities = useQuery({
    queryKey: ['nationalities'],
    queryFn: () => unwrap(api.GET('/api/v1/nationalities')),
    staleTime: Infinity,
  });
  const options = (nationalities.data ?? [])
    .filter((n) => n.code !== 'XXX')
    .map((n) => ({ value: n.code, label: country(n.code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Select
      label={t('reports.timeliness.nationality')}
      searchable
      allowDeselect={false}
      value={value ?? EVERYONE}
      onChange={(code) => onChange(code || undefined)}
      data={[{ value: EVERYONE, label: t('reports.timeliness.everyone') }, ...options]}
      nothingFoundMessage={t('reports.timeliness.noSuchCountry')}
      w={240}
    />
  );
}
