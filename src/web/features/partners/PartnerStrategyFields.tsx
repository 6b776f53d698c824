import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Checkbox, Group, MultiSelect, SimpleGrid, Textarea, TagsInput, TextInput } from '@mantine/core';
import { LINK_KEYS } from '../../../shared/partners.js';
import { useMe } from '../../components/session.js';
import { productsQuery } from '../products/queries.js';
import { FormSection } from './FormSection.js';
import { DIRECTION_OPTIONS, LINK_LABELS } from './labels.js';
import type { PartnerSchemaForm } from './partnerForm.js';

const REGION_SUGGESTIONS = ['CH', 'DACH', 'EU', 'Europe', 'Nordics', 'UK', 'North America', 'global'];
const INDUSTRY_SUGGESTIONS = ['finance', 'insurance', 'health', 'public sector', 'telco', 'energy', 'retail', 'manufacturing', 'software', 'education'];

/** The partner form's later sections: strategy and markets, why we work together, pricing, links. */
export function PartnerStrategyFields({ form }: { form: PartnerSchemaForm }) {
  const me = useMe();
  const products = useQuery(productsQuery());
  const input = form.getInputProps;
  return (
    <>
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
    </>
  );
}
