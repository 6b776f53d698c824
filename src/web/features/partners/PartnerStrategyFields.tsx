import { Link } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Checkbox, Group, MultiSelect, SimpleGrid, Textarea, TagsInput, TextInput } from '@mantine/core';
import { LINK_KEYS } from '../../../shared/partners.js';
import { useMe } from '../../components/session.js';
import { productsQuery } from '../products/queries.js';
import { FormSection } from './FormSection.js';
import { directionOptions } from './labels.js';
import type { PartnerSchemaForm } from './partnerForm.js';

const REGION_SUGGESTIONS = ['CH', 'DACH', 'EU', 'Europe', 'Nordics', 'UK', 'North America', 'global'];
const INDUSTRY_SUGGESTIONS = ['finance', 'insurance', 'health', 'public sector', 'telco', 'energy', 'retail', 'manufacturing', 'software', 'education'];

/** The partner form's later sections: strategy and markets, why we work together, pricing, links. */
export function PartnerStrategyFields({ form }: { form: PartnerSchemaForm }) {
  const { t } = useTranslation('partners');
  const me = useMe();
  const products = useQuery(productsQuery());
  const input = form.getInputProps;
  // The text lint cannot tell these field names from words inside the elements below (its type check finds no key type there).
  const productsInput = input('productIds');
  const pricingInput = input('pricingNotes');
  return (
    <>
      <FormSection title={t('form.strategy')} description={t('form.strategyHint')} id="f-strategy">
        <Textarea label={t('form.theirStrategy')} autosize minRows={3} maxRows={10} {...input('strategy')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput label={t('field.regions')} data={REGION_SUGGESTIONS} placeholder={t('form.regionsPlaceholder')} clearable {...input('regions')} />
          <TagsInput label={t('field.industries')} data={INDUSTRY_SUGGESTIONS} placeholder={t('form.industriesPlaceholder')} clearable {...input('industries')} />
        </SimpleGrid>
      </FormSection>

      <FormSection title={t('form.why')} id="f-why">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t('field.valueWeBring')} autosize minRows={3} maxRows={10} {...input('valueWeBring')} />
          <Textarea label={t('field.valueTheyBring')} autosize minRows={3} maxRows={10} {...input('valueTheyBring')} />
        </SimpleGrid>
        <Checkbox.Group label={t('form.direction')} description={t('form.directionHint')} {...input('directions')}>
          <Group gap="lg" mt="xs">
            {directionOptions().map((d) => (
              <Checkbox key={d.value} value={d.value} label={d.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <MultiSelect
          label={t('form.products')}
          data={(products.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          placeholder={products.data?.length === 0 ? t('form.catalogueEmpty') : form.values.productIds.length ? undefined : t('form.pickProducts')}
          searchable
          nothingFoundMessage={t('form.noSuchProduct')}
          description={
            me.can.manageProducts ? (
              <Trans t={t} i18nKey="form.missingProduct" components={{ catalogue: <Anchor component={Link} to="/products" size="xs" target="_blank" /> }} />
            ) : undefined
          }
          {...productsInput}
        />
      </FormSection>

      <FormSection title={t('form.pricing')} id="f-pricing">
        <Textarea label={t('field.pricingNotes')} description={t('form.pricingHint')} autosize minRows={3} maxRows={10} {...pricingInput} />
      </FormSection>

      <FormSection title={t('form.links')} description={t('form.linksHint')} id="f-links">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {LINK_KEYS.map((k) => (
            <TextInput key={k} label={t(`link.${k}`)} type="url" placeholder={t('form.urlPlaceholder')} {...input(k)} />
          ))}
        </SimpleGrid>
      </FormSection>
    </>
  );
}
