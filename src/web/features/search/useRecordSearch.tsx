import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Group, Text, ThemeIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconAlertTriangle, IconBuildingStore, IconTimeline } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SearchResult, SearchType } from '../../../shared/schemas/search.js';
import type { CommandAction, CommandGroup } from '../../components/commands.js';
import { contactPath } from '../contacts/labels.js';
import { activityPath } from '../timeline/labels.js';
import { Highlighted, highlightText } from './Highlighted.js';
import { searchQuery } from './queries.js';
import classes from './RecordSearch.module.css';

const MIN_LENGTH = 2;
// Each group's name is `search:group.<type>`.
const GROUPS: Record<SearchType, { icon: typeof IconBuildingStore; color: string }> = {
  partner: { icon: IconBuildingStore, color: 'indigo' },
  contact: { icon: IconAddressBook, color: 'teal' },
  activity: { icon: IconTimeline, color: 'grape' },
};

const pathOf = (r: SearchResult) =>
  r.type === 'partner' ? `/partners/${encodeURIComponent(r.id)}` : r.type === 'contact' ? contactPath(r.partnerId, r.id) : activityPath(r.partnerId, r.id);

function ResultRow({ r }: { r: SearchResult }) {
  const { icon: Icon, color } = GROUPS[r.type];
  // The highlight is the title itself when the title matched; otherwise it is the e-mail, title or text that did.
  const titleMatched = highlightText(r.highlight) === r.title;
  return (
    <Group gap="sm" wrap="nowrap" className={classes.row} data-search-result={r.type}>
      <ThemeIcon variant="light" color={color} size={32} radius="md">
        <Icon size={18} aria-hidden />
      </ThemeIcon>
      <div className={classes.body}>
        <Text size="sm" fw={500} className={classes.line}>
          {titleMatched ? <Highlighted html={r.highlight} /> : r.title}
        </Text>
        {r.subtitle && (
          <Text size="xs" className={`${classes.line} ${classes.sub}`}>
            {r.subtitle}
          </Text>
        )}
        {!titleMatched && (
          <Text size="xs" className={classes.snippet}>
            <Highlighted html={r.highlight} />
          </Text>
        )}
      </div>
    </Group>
  );
}

/**
 * Command palette provider: partners, contacts and timeline entries matching the typed words
 * (typos and prefixes too), best group first; choosing one opens it.
 */
export function useRecordSearch(query: string): CommandGroup[] {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const q = query.trim();
  const [debounced] = useDebouncedValue(q, 200);
  const search = useQuery({ ...searchQuery(debounced), enabled: debounced.length >= MIN_LENGTH });
  // The answer shown belongs to an earlier query while the next one is typed or fetched: keep it only
  // while the words are being refined (a longer or shorter form of it), never for other words.
  // The words last answered are remembered while rendering (state, so the render that shows them reads them).
  const [answered, setAnswered] = useState('');
  if (search.data && !search.isPlaceholderData && answered !== debounced) setAnswered(debounced);
  const answeredFor = search.isPlaceholderData ? answered : debounced;
  const related = (a: string, b: string) => a.toLowerCase().startsWith(b.toLowerCase()) || b.toLowerCase().startsWith(a.toLowerCase());
  const items = q.length >= MIN_LENGTH && answeredFor.length >= MIN_LENGTH && related(q, answeredFor) ? (search.data ?? []) : [];

  // Results arrive after the palette picked its first entry (or found none to pick): when nothing is
  // picked, pick the first entry, so Enter always opens what is on top.
  useEffect(() => {
    const list = document.querySelector('.mantine-Spotlight-actionsList');
    if (!list || list.querySelector('[data-selected]')) return;
    list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
  }, [search.data, q]);

  if (q.length < MIN_LENGTH) return [];
  // No "searching…" entry while waiting: it would take the keyboard selection from the page entries.
  if (search.isError && !search.data) {
    return [
      {
        group: t('error.group'),
        actions: [
          {
            id: 'search:error',
            label: t('error.label'),
            description: t('error.description'),
            leftSection: <IconAlertTriangle size={20} aria-hidden />,
            closeSpotlightOnTrigger: false,
          } as CommandAction,
        ],
      },
    ];
  }

  const order: SearchType[] = [];
  for (const r of items) if (!order.includes(r.type)) order.push(r.type);
  return order.map((type) => ({
    group: t(`group.${type}`),
    actions: items
      .filter((r) => r.type === type)
      .map((r) => ({
        id: `search:${r.type}:${r.id}`,
        label: r.title,
        description: r.subtitle ?? undefined,
        children: <ResultRow r={r} />,
        onClick: () => void navigate(pathOf(r)),
      })),
  }));
}
