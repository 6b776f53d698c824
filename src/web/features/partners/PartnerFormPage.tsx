import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowLeft } from '@tabler/icons-react';
import { CUSTOMERS_OUT_OF_SCOPE, LINK_KEYS } from '../../../shared/partners.js';
import { CONTACT_INTERVAL_MAX, type Partner, type PartnerDetail } from '../../../shared/schemas/partner.js';
import { DEFAULT_CONTACT_INTERVAL_DAYS } from '../../../shared/rhythm.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { ErrorState, ForbiddenState, LoadingState } from '../../components/states.js';
import { useForm } from '../../lib/form.js';
import { productsQuery } from '../products/queries.js';
import { isVersionConflict, WriteErrorAlert } from './ConflictAlert.js';
import { DIRECTION_OPTIONS, IMPORTANCE_DESCRIPTIONS, IMPORTANCE_OPTIONS, LINK_LABELS, STATUS_LABELS, STATUS_OPTIONS, TYPE_OPTIONS } from './labels.js';
import { emptyValues, FIELD_LABELS, serverFieldErrors, STATUS_NOTE_MAX, toBody, toPatch, validate, valuesOf, type PartnerFormValues } from './partnerForm.js';
import { partnerPath } from './PartnerTable.js';
import { ColleagueSelect, CountrySelect } from './pickers.js';
import { partnerKeys, partnerQuery, useCreatePartner, useUpdatePartner } from './queries.js';
import classes from './PartnerFormPage.module.css';

const REGION_SUGGESTIONS = ['CH', 'DACH', 'EU', 'Europe', 'Nordics', 'UK', 'North America', 'global'];
const INDUSTRY_SUGGESTIONS = ['finance', 'insurance', 'health', 'public sector', 'telco', 'energy', 'retail', 'manufacturing', 'software', 'education'];

function FormSection({ title, description, children, id }: { title: string; description?: string; children: ReactNode; id: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
      <Stack gap="md" mt="md">
        {children}
      </Stack>
    </Card>
  );
}

function PartnerForm({ partner }: { partner?: Partner }) {
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useCreatePartner();
  const update = useUpdatePartner();
  const products = useQuery(productsQuery());
  const [typeSearch, setTypeSearch] = useState('');
  const isMember = me.user.role === 'member';
  const initial = partner ? valuesOf(partner) : emptyValues(isMember ? me.user.id : null);
  const form = useForm<PartnerFormValues>({ initialValues: initial, labels: FIELD_LABELS, validate });
  const [saveError, setSaveError] = useState<unknown>(null);
  const saved = useRef(false);

  // A newer version arrived (after "load the latest version"): show it.
  const version = partner?.version;
  useEffect(() => {
    if (partner && !form.isDirty) form.reset(valuesOf(partner));
  }, [version]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => form.isDirty && !saved.current && currentLocation.pathname !== nextLocation.pathname);

  const submit = form.onSubmit(async (_parsed, values) => {
    setSaveError(null);
    try {
      if (partner) {
        const patch = toPatch(valuesOf(partner), values, partner.version);
        if (Object.keys(patch).length > 1) {
          const p = await update.mutateAsync({ id: partner.id, ...patch });
          notifications.show({ color: 'teal', message: `${p.name} is saved.` });
        }
        saved.current = true;
        await navigate(partnerPath(partner.id));
      } else {
        const p = await create.mutateAsync(toBody(values));
        notifications.show({ color: 'teal', title: `${p.name} is added`, message: 'Add its people, our team and the first timeline entry on its page.' });
        saved.current = true;
        await navigate(partnerPath(p.id));
      }
    } catch (e) {
      const { fields, rest } = serverFieldErrors(e);
      if (Object.keys(fields).length) form.setErrors(fields);
      if (rest || !Object.keys(fields).length) setSaveError(e);
      else document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  });

  const reload = async () => {
    if (!partner) return;
    setSaveError(null);
    const fresh = await qc.fetchQuery({ ...partnerQuery(partner.id), staleTime: 0 });
    form.reset(valuesOf(fresh));
  };

  const input = form.getInputProps;
  const statusChanged = partner && form.values.status !== partner.status;
  const archived = Boolean(partner?.archivedAt);
  const busy = create.isPending || update.isPending;
  const errorCount = Object.values(form.errors).filter(Boolean).length;

  return (
    <form onSubmit={submit} noValidate aria-label={partner ? `Edit ${partner.name}` : 'New partner'}>
      <Stack gap="lg">
        {archived && (
          <Alert color="yellow" variant="light" icon={<IconAlertCircle aria-hidden />} title="This partner is archived">
            Restore it from its page before changing it.
          </Alert>
        )}

        <FormSection title="The company" id="f-company">
          <TextInput label="Name" required data-autofocus autoFocus={!partner} description="How everyone calls it; unique among current partners." {...input('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Legal name" placeholder="e.g. Kubeforge Inc." {...input('legalName')} />
            <CountrySelect label="Country" placeholder="Pick a country" clearable {...input('country')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Website" type="url" placeholder="https://…" {...input('website')} />
            <TextInput label="Logo URL" type="url" placeholder="https://…/logo.png" description="A square image works best." {...input('logoUrl')} />
          </SimpleGrid>
          <Textarea label="Description" description="What the company does, in a sentence or two." autosize minRows={2} maxRows={8} {...input('description')} />
        </FormSection>

        <FormSection title="Partnership" description="What kind of partner it is and where the relationship stands." id="f-partnership">
          <MultiSelect
            label="Types"
            required
            description="One or more. Customers are not partners here: they live in the CRM."
            placeholder={form.values.types.length ? undefined : 'Pick one or more'}
            data={TYPE_OPTIONS}
            searchable
            searchValue={typeSearch}
            onSearchChange={setTypeSearch}
            nothingFoundMessage={/custom|client|kunde/i.test(typeSearch) ? CUSTOMERS_OUT_OF_SCOPE : 'No such partner type'}
            {...input('types')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} required {...input('status')} />
            <Select
              label="Importance"
              data={IMPORTANCE_OPTIONS}
              allowDeselect={false}
              required
              description={IMPORTANCE_DESCRIPTIONS[form.values.importance]}
              {...input('importance')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Expected contact every … days"
              description="Leave empty for the default of its importance. Any timeline entry counts as contact."
              placeholder={`Default: ${DEFAULT_CONTACT_INTERVAL_DAYS[form.values.importance]} days`}
              min={1}
              max={CONTACT_INTERVAL_MAX}
              allowDecimal={false}
              allowNegative={false}
              {...input('contactIntervalDays')}
            />
          </SimpleGrid>
          {statusChanged && (
            <Textarea
              label="Note on the status change"
              description={`Optional. Kept in the history with the change from ${STATUS_LABELS[partner.status]} to ${STATUS_LABELS[form.values.status]}.`}
              autosize
              minRows={2}
              maxLength={STATUS_NOTE_MAX}
              {...input('statusNote')}
            />
          )}
          <Text size="sm" c="dimmed">
            The partner’s programmes and the level we hold in each are kept on its Programs tab.
          </Text>
          <ColleagueSelect
            label="Owner"
            description={
              isMember ? (partner ? 'Only a Partner Manager hands a partner to another owner.' : 'You own the partners you add.') : 'The colleague who manages this partner.'
            }
            placeholder="Pick a colleague"
            clearable={!isMember}
            disabled={isMember}
            current={partner?.owner ?? (isMember ? { id: me.user.id, name: me.user.name } : null)}
            {...input('ownerId')}
          />
          <TagsInput label="Tags" description="Press Enter after each tag." placeholder="e.g. kubernetes" clearable {...input('tags')} />
        </FormSection>

        <FormSection title="Strategy & markets" description="What the partner wants to achieve, and where." id="f-strategy">
          <Textarea label="Their strategy" autosize minRows={3} maxRows={10} {...input('strategy')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput label="Regions" data={REGION_SUGGESTIONS} placeholder="e.g. DACH" clearable {...input('regions')} />
            <TagsInput label="Industries" data={INDUSTRY_SUGGESTIONS} placeholder="e.g. finance" clearable {...input('industries')} />
          </SimpleGrid>
        </FormSection>

        <FormSection title="Why we work together" id="f-why">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label="What we bring them" autosize minRows={3} maxRows={10} {...input('valueWeBring')} />
            <Textarea label="What they bring us" autosize minRows={3} maxRows={10} {...input('valueTheyBring')} />
          </SimpleGrid>
          <Checkbox.Group label="Direction of the relationship" description="Several may apply." {...input('directions')}>
            <Group gap="lg" mt="xs">
              {DIRECTION_OPTIONS.map((d) => (
                <Checkbox key={d.value} value={d.value} label={d.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <MultiSelect
            label="Our products and services that include this partner"
            data={(products.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            placeholder={products.data?.length === 0 ? 'The catalogue is empty' : form.values.productIds.length ? undefined : 'Pick products'}
            searchable
            nothingFoundMessage="No such product"
            description={
              me.can.manageProducts ? (
                <>
                  Missing one? Add it to the{' '}
                  <Anchor component={Link} to="/products" size="xs" target="_blank">
                    product catalogue
                  </Anchor>
                  .
                </>
              ) : undefined
            }
            {...input('productIds')}
          />
        </FormSection>

        <FormSection title="Pricing, reporting & discounts" id="f-pricing">
          <Textarea
            label="Notes"
            description="How they price and want usage reported, and where discounts are (e.g. yearly instead of monthly subscriptions)."
            autosize
            minRows={3}
            maxRows={10}
            {...input('pricingNotes')}
          />
        </FormSection>

        <FormSection title="Links" description="Where to find the partner's own material." id="f-links">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {LINK_KEYS.map((k) => (
              <TextInput key={k} label={LINK_LABELS[k]} type="url" placeholder="https://…" {...input(k)} />
            ))}
          </SimpleGrid>
        </FormSection>

        <WriteErrorAlert error={saveError} onReload={() => void reload()} />

        <div className={classes.actions}>
          <Group justify="space-between" gap="sm">
            <Text size="sm" c={errorCount ? 'var(--mantine-color-red-light-color)' : 'dimmed'} aria-live="polite">
              {errorCount ? `${errorCount === 1 ? 'One field needs' : `${errorCount} fields need`} attention.` : form.isDirty ? 'Unsaved changes' : '\u00a0'}
            </Text>
            <Group gap="sm">
              <Button variant="default" component={Link} to={partner ? partnerPath(partner.id) : '/partners'}>
                Cancel
              </Button>
              <Button type="submit" loading={busy} disabled={archived || isVersionConflict(saveError)}>
                {partner ? 'Save changes' : 'Add partner'}
              </Button>
            </Group>
          </Group>
        </div>
      </Stack>

      <ConfirmDialog
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
        title="Leave without saving?"
        confirmLabel="Leave"
        danger
      >
        Your changes to this partner are not saved yet and will be lost.
      </ConfirmDialog>
    </form>
  );
}

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
