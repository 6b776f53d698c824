import { useEffect, useEffectEvent, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Checkbox, Group, Popover, Select, Stack, Text, TextInput, type SelectProps, type TextInputProps } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { colleagueOptionsQuery, partnerSearchQuery } from './queries.js';
import { countryOptions, typeLabel } from './labels.js';

/** A text filter that reports what was typed once typing pauses, and follows outside changes (back button). */
export function DebouncedTextInput({ value, onCommit, ...props }: { value: string; onCommit: (v: string) => void } & Omit<TextInputProps, 'value' | 'onChange'>) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  // Only when typing pauses, not when the value changes outside: reads the latest value and onCommit without depending on them.
  const commit = useEffectEvent((typed: string) => {
    if (typed !== value) onCommit(typed);
  });
  useEffect(() => commit(debounced), [debounced]);
  // Only when the value changes outside (the back button), not while typing: adjusted while rendering.
  const [outside, setOutside] = useState(value);
  if (value !== outside) {
    setOutside(value);
    if (value !== debounced) setText(value);
  }
  return <TextInput value={text} onChange={(e) => setText(e.currentTarget.value)} {...props} />;
}

/**
 * Picks a colleague (owner pickers, owner filter). `current` keeps the chosen person's name in the
 * list even when they are not among the results (deactivated, or beyond the first hundred).
 */
export function ColleagueSelect({
  current,
  includeInactive = false,
  ...props
}: { current?: { id: string; name: string } | null; includeInactive?: boolean } & Omit<SelectProps, 'data'>) {
  const { t } = useTranslation('partners');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const colleagues = useQuery(colleagueOptionsQuery(q.length > 1 ? q : ''));
  const data = (colleagues.data ?? [])
    .filter((c) => includeInactive || c.active || c.id === current?.id)
    .map((c) => ({ value: c.id, label: c.active ? c.name : t('pickers.deactivated', { name: c.name }) }));
  if (current && !data.some((d) => d.value === current.id)) data.unshift({ value: current.id, label: current.name });
  return <Select searchable onSearchChange={setSearch} data={data} nothingFoundMessage={colleagues.isPending ? t('pickers.loading') : t('pickers.noColleague')} {...props} />;
}

export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation('partners');
  return <Select searchable data={countryOptions()} nothingFoundMessage={t('pickers.noCountry')} {...props} />;
}

/**
 * Picks another partner by name (links, merges). The API searches; `exclude` leaves out the
 * partner being edited; `allow` narrows further (e.g. only distributors).
 */
export function PartnerSelect({
  exclude,
  allow,
  onPick,
  value,
  ...props
}: { exclude?: string[]; allow?: (p: PartnerSummary) => boolean; onPick: (p: PartnerSummary | null) => void; value: PartnerSummary | null } & Omit<
  SelectProps,
  'data' | 'value' | 'onChange'
>) {
  const { t } = useTranslation('partners');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const results = useQuery(partnerSearchQuery(q === value?.name ? '' : q));
  const found = (results.data ?? []).filter((p) => !exclude?.includes(p.id) && (!allow || allow(p)));
  const byId = new Map<string, PartnerSummary>(found.map((p) => [p.id, p]));
  if (value) byId.set(value.id, value);
  const data = [...byId.values()].map((p) => ({ value: p.id, label: p.name }));
  return (
    <Select
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => onPick(id ? (byId.get(id) ?? null) : null)}
      // The API has matched the name already.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('pickers.searching') : t('pickers.noPartner')}
      renderOption={({ option }) => {
        const p = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {p && (
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  {p.types.map(typeLabel).join(', ')}
                </Text>
              </Group>
            )}
          </Stack>
        );
      }}
      {...props}
    />
  );
}

/**
 * A compact filter of several values: a button that says what is chosen ("Type: Distributor",
 * "Status: 2 chosen", "All statuses") and opens a list of checkboxes.
 */
export function MultiFilter({
  label,
  allLabel,
  options,
  value,
  onChange,
  className,
}: {
  label: string;
  allLabel: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  className?: string;
}) {
  const { t } = useTranslation('partners');
  const names = options.filter((o) => value.includes(o.value)).map((o) => o.label);
  return (
    <Popover position="bottom-start" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button
          variant="default"
          className={className}
          justify="space-between"
          fw={value.length ? 600 : 400}
          rightSection={
            <Group gap={4} wrap="nowrap">
              {value.length > 1 && (
                <Badge size="xs" circle aria-hidden>
                  {value.length}
                </Badge>
              )}
              <IconChevronDown size={14} aria-hidden />
            </Group>
          }
        >
          <Text span size="sm" truncate fw="inherit" c={value.length ? undefined : 'dimmed'}>
            {value.length === 0 ? allLabel : value.length === 1 ? t('pickers.oneChosen', { label, value: names[0] }) : t('pickers.someChosen', { label, count: value.length })}
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group label={label} value={value} onChange={onChange}>
          <Stack gap="xs" mt="xs">
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        {value.length > 0 && (
          <Button variant="default" size="xs" mt="sm" fullWidth onClick={() => onChange([])}>
            {allLabel}
          </Button>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
