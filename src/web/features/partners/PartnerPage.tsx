import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
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

function BackLink() {
  const { t } = useTranslation('partners');
  return (
    <Link to="/partners" className={classes.back}>
      <IconArrowLeft size={14} aria-hidden />
      {t('page.allPartners')}
    </Link>
  );
}

function Loaded({ partner, tab }: { partner: PartnerDetail; tab: string }) {
  const { t } = useTranslation('partners');
  const navigate = useNavigate();
  const tabs = partnerTabs.filter((x) => !x.shows || x.shows(partner));
  const current = tabs.find((x) => x.value === tab);
  useDocumentTitle(
    current && current !== partnerTabs[0] ? t('page.documentTitleTab', { name: partner.name, tab: current.label() }) : t('page.documentTitle', { name: partner.name }),
  );

  if (!current) return <Navigate to={partnerPath(partner.id)} replace />;

  return (
    <>
      <BackLink />
      <PartnerHeader partner={partner} />
      <Tabs value={tab} onChange={(v) => v && void navigate(partnerPath(partner.id, v === partnerTabs[0]?.value ? undefined : v))} keepMounted={false} className={classes.tabs}>
        <Tabs.List className={classes.tabList} aria-label={t('page.tabs', { name: partner.name })}>
          {tabs.map((x) => (
            <Tabs.Tab key={x.value} value={x.value} className={classes.tab}>
              {x.label()}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((x) => (
          <Tabs.Panel key={x.value} value={x.value} pt="md">
            {x.value === tab && <x.Component partner={partner} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

/** The 360° page of one partner: /partners/:id/:tab? — the tab is part of the address. */
export function PartnerPage() {
  const { t } = useTranslation('partners');
  const { id = '', tab } = useParams();
  const partner = useQuery(partnerQuery(id));

  if (partner.isPending) return <LoadingState label={t('page.loading')} />;
  if (partner.isError) {
    if (isApiError(partner.error, 404) || isApiError(partner.error, 400)) {
      return (
        <>
          <BackLink />
          <PageHeader title={t('page.notFound')} />
          <EmptyState
            icon={<IconBuildingStore size={24} aria-hidden />}
            title={t('page.noSuchPartner')}
            headingLevel={2}
            description={t('page.noSuchPartnerHint')}
            action={
              <Button component={Link} to="/partners" variant="default">
                {t('page.openList')}
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
