import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Tabs } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconBuildingStore } from '@tabler/icons-react';
import { isApiError } from '../../api.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
import { PartnerHeader } from './PartnerHeader.js';
import { partnerPath } from './PartnerTable.js';
import { partnerQuery } from './queries.js';
import { partnerTabs } from './tabs.js';
import classes from './PartnerPage.module.css';

const BackLink = () => (
  <Link to="/partners" className={classes.back}>
    <IconArrowLeft size={14} aria-hidden />
    All partners
  </Link>
);

function Loaded({ partner, tab }: { partner: PartnerDetail; tab: string }) {
  const navigate = useNavigate();
  const current = partnerTabs.find((t) => t.value === tab);
  useDocumentTitle(`${partner.name}${current && current !== partnerTabs[0] ? ` · ${current.label}` : ''} · Partnerhub`);

  if (!current) return <Navigate to={partnerPath(partner.id)} replace />;

  return (
    <>
      <BackLink />
      <PartnerHeader partner={partner} />
      <Tabs value={tab} onChange={(v) => v && void navigate(partnerPath(partner.id, v === partnerTabs[0]?.value ? undefined : v))} keepMounted={false} className={classes.tabs}>
        <Tabs.List className={classes.tabList} aria-label={`About ${partner.name}`}>
          {partnerTabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} className={classes.tab}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {partnerTabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            {t.value === tab && <t.Component partner={partner} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

/** The 360° page of one partner: /partners/:id/:tab? — the tab is part of the address. */
export function PartnerPage() {
  const { id = '', tab } = useParams();
  const partner = useQuery(partnerQuery(id));

  if (partner.isPending) return <LoadingState label="Loading partner…" />;
  if (partner.isError) {
    if (isApiError(partner.error, 404) || isApiError(partner.error, 400)) {
      return (
        <>
          <BackLink />
          <PageHeader title="Partner not found" />
          <EmptyState
            icon={<IconBuildingStore size={24} aria-hidden />}
            title="There is no such partner"
            headingLevel={2}
            description="The link may be old, or the partner was merged away. Look for it in the partner list."
            action={
              <Button component={Link} to="/partners" variant="default">
                Open the partner list
              </Button>
            }
          />
        </>
      );
    }
    return <ErrorState error={partner.error} onRetry={() => void partner.refetch()} />;
  }
  return <Loaded partner={partner.data} tab={tab ?? partnerTabs[0]?.value ?? 'overview'} />;
}
