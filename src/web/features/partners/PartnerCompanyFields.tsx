import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormSection } from './FormSection.js';
import type { PartnerSchemaForm } from './partnerForm.js';
import { CountrySelect } from './pickers.js';

/** The partner form's "The company" section. */
export function PartnerCompanyFields({ form, isNew }: { form: PartnerSchemaForm; isNew: boolean }) {
  const { t } = useTranslation('partners');
  const input = form.getInputProps;
  // The text lint cannot tell these field names from words inside the elements below (its type check finds no key type there).
  const description = input('description');
  return (
    <FormSection title={t('form.company')} id="f-company">
      <TextInput label={t('field.name')} required data-autofocus autoFocus={isNew} description={t('form.nameHint')} {...input('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('field.legalName')} placeholder={t('form.legalNamePlaceholder')} {...input('legalName')} />
        <CountrySelect label={t('field.country')} placeholder={t('form.countryPlaceholder')} clearable {...input('country')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('field.website')} type="url" placeholder={t('form.urlPlaceholder')} {...input('website')} />
        <TextInput label={t('field.logoUrl')} type="url" placeholder={t('form.logoPlaceholder')} description={t('form.logoHint')} {...input('logoUrl')} />
      </SimpleGrid>
      <Textarea label={t('field.description')} description={t('form.descriptionHint')} autosize minRows={2} maxRows={8} {...description} />
    </FormSection>
  );
}
