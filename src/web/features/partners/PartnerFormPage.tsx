import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft } from '@tabler/icons-react';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { ErrorState, ForbiddenState, LoadingState } from '../../components/states.js';
import { PartnerForm } from './PartnerForm.js';
import { partnerPath } from './PartnerTable.js';
import { partnerKeys, partnerQuery } from './queries.js';
import classes from './PartnerFormPage.module.css';

/** /partners/new */
export function NewPartnerPage() {
  const { t } = useTranslation('partners');
  const me = useMe();
  if (!me.can.createPartners) return <ForbiddenState what={t('form.newForbidden')} />;
  return (
    <>
      <Link to="/partners" className={classes.back}>
        <IconArrowLeft size={14} aria-hidden />
        {t('page.allPartners')}
      </Link>
      <PageHeader title={t('form.newTitle')} description={t('form.newDescription')} />
      <PartnerForm />
    </>
  );
}

function EditForm({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation('partners');
  // An archived partner shows its form read-only, with the note to restore it first.
  if (!partner.can.edit && !partner.archivedAt) return <ForbiddenState what={t('form.editForbidden')} />;
  return (
    <>
      <Link to={partnerPath(partner.id)} className={classes.back}>
        <IconArrowLeft size={14} aria-hidden />
        {partner.name}
      </Link>
      <PageHeader title={t('form.editTitle', { name: partner.name })} />
      <PartnerForm partner={partner} />
    </>
  );
}

/** /partners/:id/edit */
export function EditPartnerPage() {
  const { t } = useTranslation('partners');
  const { id = '' } = useParams();
  const partner = useQuery(partnerQuery(id));
  const qc = useQueryClient();
  if (partner.isPending) return <LoadingState label={t('page.loading')} />;
  if (partner.isError) return <ErrorState error={partner.error} onRetry={() => void qc.invalidateQueries({ queryKey: partnerKeys.detail(id) })} />;
  return <EditForm partner={partner.data} />;
}
