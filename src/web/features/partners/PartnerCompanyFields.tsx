import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { FormSection } from './FormSection.js';
import type { PartnerSchemaForm } from './partnerForm.js';
import { CountrySelect } from './pickers.js';

/** The partner form's "The company" section. */
export function PartnerCompanyFields({ form, isNew }: { form: PartnerSchemaForm; isNew: boolean }) {
  const input = form.getInputProps;
  return (
    <FormSection title="The company" id="f-company">
      <TextInput label="Name" required data-autofocus autoFocus={isNew} description="How everyone calls it; unique among current partners." {...input('name')} />
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
  );
}
