import { Link, useParams } from 'react-router';
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
  const me = useMe();
  if (!me.can.createPartners) return <ForbiddenState what="Adding partners is for Partner Managers and members." />;
  return (
    <>
      <Link to="/partners" className={classes.back}>
        <IconArrowLeft size={14} aria-hidden />
        All partners
      </Link>
      <PageHeader title="Add a partner" description="Only the name and a type are needed now; fill in the rest as you learn it." />
      <PartnerForm />
    </>
  );
}

function EditForm({ partner }: { partner: PartnerDetail }) {
  // An archived partner shows its form read-only, with the note to restore it first.
  if (!partner.can.edit && !partner.archivedAt) return <ForbiddenState what="Members change only the partners they own or are on the team of." />;
  return (
    <>
      <Link to={partnerPath(partner.id)} className={classes.back}>
        <IconArrowLeft size={14} aria-hidden />
        {partner.name}
      </Link>
      <PageHeader title={`Edit ${partner.name}`} />
      <PartnerForm partner={partner} />
    </>
  );
}

/** /partners/:id/edit */
export function EditPartnerPage() {
  const { id = '' } = useParams();
  const partner = useQuery(partnerQuery(id));
  const qc = useQueryClient();
  if (partner.isPending) return <LoadingState label="Loading partner…" />;
  if (partner.isError) return <ErrorState error={partner.error} onRetry={() => void qc.invalidateQueries({ queryKey: partnerKeys.detail(id) })} />;
  return <EditForm partner={partner.data} />;
}
