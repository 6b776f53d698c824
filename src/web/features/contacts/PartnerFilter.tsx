import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { partnerOptionQuery, partnerOptionsQuery } from './queries.js';

/** A partner picker that searches partners by name on the server. */
export function PartnerFilter({ value, onChange, className }: { value: string | null; onChange: (id: string | null) => void; className?: string }) {
  const { t } = useTranslation('contacts');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [open, setOpen] = useState(false);
  const options = useQuery({ ...partnerOptionsQuery(debounced), enabled: open || Boolean(debounced) });
  const chosen = useQuery({ ...partnerOptionQuery(value ?? ''), enabled: Boolean(value) });
  const data = (options.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (value && chosen.data && !data.some((d) => d.value === value)) data.unshift({ value, label: chosen.data.name });

  return (
    <Select
      className={className}
      aria-label={t('partnerFilter.label')}
      placeholder={t('partnerFilter.all')}
      searchable
      clearable
      data={data}
      value={value}
      onChange={(v) => {
        onChange(v);
        setSearch('');
      }}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpen(true)}
      // The server already searched by name.
      filter={({ options: o }) => o}
      nothingFoundMessage={options.isFetching ? t('partnerFilter.searching') : t('partnerFilter.nothing')}
    />
  );
}
