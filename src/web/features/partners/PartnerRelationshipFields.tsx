import { useState } from 'react';
import { MultiSelect, NumberInput, Select, SimpleGrid, TagsInput, Text, Textarea } from '@mantine/core';
import { CUSTOMERS_OUT_OF_SCOPE } from '../../../shared/partners.js';
import { DEFAULT_CONTACT_INTERVAL_DAYS } from '../../../shared/rhythm.js';
import { CONTACT_INTERVAL_MAX, type Partner } from '../../../shared/schemas/partner.js';
import { useMe } from '../../components/session.js';
import { FormSection } from './FormSection.js';
import { IMPORTANCE_DESCRIPTIONS, IMPORTANCE_OPTIONS, STATUS_LABELS, STATUS_OPTIONS, TYPE_OPTIONS } from './labels.js';
import { STATUS_NOTE_MAX, type PartnerSchemaForm } from './partnerForm.js';
import { ColleagueSelect } from './pickers.js';

/** The partner form's "Partnership" section: types, status (with its note), importance, contact rhythm, owner, tags. */
export function PartnerRelationshipFields({ form, partner }: { form: PartnerSchemaForm; partner?: Partner }) {
  const me = useMe();
  const [typeSearch, setTypeSearch] = useState('');
  const input = form.getInputProps;
  const isMember = me.user.role === 'member';
  const { types, status, importance } = form.values;
  return (
    <FormSection title="Partnership" description="What kind of partner it is and where the relationship stands." id="f-partnership">
      <MultiSelect
        label="Types"
        required
        description="One or more. Customers are not partners here: they live in the CRM."
        placeholder={types.length ? undefined : 'Pick one or more'}
        data={TYPE_OPTIONS}
        searchable
        searchValue={typeSearch}
        onSearchChange={setTypeSearch}
        nothingFoundMessage={/custom|client|kunde/i.test(typeSearch) ? CUSTOMERS_OUT_OF_SCOPE : 'No such partner type'}
        {...input('types')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} required {...input('status')} />
        <Select label="Importance" data={IMPORTANCE_OPTIONS} allowDeselect={false} required description={IMPORTANCE_DESCRIPTIONS[importance]} {...input('importance')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="Expected contact every … days"
          description="Leave empty for the default of its importance. Any timeline entry counts as contact."
          placeholder={`Default: ${DEFAULT_CONTACT_INTERVAL_DAYS[importance]} days`}
          min={1}
          max={CONTACT_INTERVAL_MAX}
          allowDecimal={false}
          allowNegative={false}
          {...input('contactIntervalDays')}
        />
      </SimpleGrid>
      {partner && status !== partner.status && (
        <Textarea
          label="Note on the status change"
          description={`Optional. Kept in the history with the change from ${STATUS_LABELS[partner.status]} to ${STATUS_LABELS[status]}.`}
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
  );
}
