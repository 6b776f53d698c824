import { useState } from 'react';
import { MultiSelect, NumberInput, Select, SimpleGrid, TagsInput, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CONTACT_INTERVAL_DAYS } from '../../../shared/rhythm.js';
import { CONTACT_INTERVAL_MAX, type Partner } from '../../../shared/schemas/partner.js';
import { useMe } from '../../components/session.js';
import { FormSection } from './FormSection.js';
import { importanceOptions, statusLabel, statusOptions, typeOptions } from './labels.js';
import { STATUS_NOTE_MAX, type PartnerSchemaForm } from './partnerForm.js';
import { ColleagueSelect } from './pickers.js';

/** The partner form's "Partnership" section: types, status (with its note), importance, contact rhythm, owner, tags. */
export function PartnerRelationshipFields({ form, partner }: { form: PartnerSchemaForm; partner?: Partner }) {
  const { t } = useTranslation('partners');
  const me = useMe();
  const [typeSearch, setTypeSearch] = useState('');
  const input = form.getInputProps;
  const isMember = me.user.role === 'member';
  const { types, status, importance } = form.values;
  // The text lint cannot tell these field names from words inside the elements below (its type check finds no key type there).
  const typesInput = input('types');
  const importanceInput = input('importance');
  return (
    <FormSection title={t('form.partnership')} description={t('form.partnershipHint')} id="f-partnership">
      <MultiSelect
        label={t('field.types')}
        required
        description={t('form.typesHint')}
        placeholder={types.length ? undefined : t('form.typesPlaceholder')}
        data={typeOptions()}
        searchable
        searchValue={typeSearch}
        onSearchChange={setTypeSearch}
        nothingFoundMessage={/custom|client|kunde/i.test(typeSearch) ? t('form.customersOutOfScope') : t('form.noSuchType')}
        {...typesInput}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('field.status')} data={statusOptions()} allowDeselect={false} required {...input('status')} />
        <Select
          label={t('field.importance')}
          data={importanceOptions()}
          allowDeselect={false}
          required
          description={t(`importanceDescription.${importance}`)}
          {...importanceInput}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('form.interval')}
          description={t('form.intervalHint')}
          placeholder={t('form.intervalDefault', { days: DEFAULT_CONTACT_INTERVAL_DAYS[importance] })}
          min={1}
          max={CONTACT_INTERVAL_MAX}
          allowDecimal={false}
          allowNegative={false}
          {...input('contactIntervalDays')}
        />
      </SimpleGrid>
      {partner && status !== partner.status && (
        <Textarea
          label={t('form.statusNote')}
          description={t('form.statusNoteHint', { from: statusLabel(partner.status), to: statusLabel(status) })}
          autosize
          minRows={2}
          maxLength={STATUS_NOTE_MAX}
          {...input('statusNote')}
        />
      )}
      <Text size="sm" c="dimmed">
        {t('form.programsHint')}
      </Text>
      <ColleagueSelect
        label={t('field.ownerId')}
        description={isMember ? (partner ? t('form.ownerHandOver') : t('form.ownerYours')) : t('form.ownerHint')}
        placeholder={t('form.ownerPlaceholder')}
        clearable={!isMember}
        disabled={isMember}
        current={partner?.owner ?? (isMember ? { id: me.user.id, name: me.user.name } : null)}
        {...input('ownerId')}
      />
      <TagsInput label={t('field.tags')} description={t('form.tagsHint')} placeholder={t('form.tagsPlaceholder')} clearable {...input('tags')} />
    </FormSection>
  );
}
