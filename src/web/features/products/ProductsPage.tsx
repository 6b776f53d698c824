import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Button, Card, Group, Modal, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackage, IconPencil, IconPlus } from '@tabler/icons-react';
import { z } from 'zod';
import { productBody } from '../../../shared/schemas/partner.js';
import { isApiError } from '../../api.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { plural } from '../../lib/format.js';
import { productsQuery, useSaveProduct, type Product } from './queries.js';

// An empty description is "none": the shared body takes null for it.
const productFormSchema = z
  .object({ name: z.string(), description: z.string() })
  .transform((v): z.input<typeof productBody> => ({ ...v, description: v.description.trim() || null }))
  .pipe(productBody);

/** Adds a product, or renames and describes one (`product` given). */
function ProductModal({ opened, product, onClose }: { opened: boolean; product: Product | null; onClose: () => void }) {
  const save = useSaveProduct();
  const form = useSchemaForm(productFormSchema, { name: '', description: '' }, { labels: { name: 'Name', description: 'Description' } });

  useEffect(() => {
    if (opened) {
      form.reset({ name: product?.name ?? '', description: product?.description ?? '' });
      save.reset();
    }
    // Only when the dialog opens for a product: a refetch must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, product?.id]);

  const submit = form.submit(async (body) => {
    try {
      const p = await save.mutateAsync({ id: product?.id, version: product?.version, ...body });
      notifications.show({ color: 'teal', message: product ? `${p.name} is saved.` : `${p.name} is in the catalogue.` });
      onClose();
    } catch (e) {
      if (isApiError(e, 409) && e.code === 'version_conflict') {
        throw new Error('Someone else changed this product in the meantime. The list shows their version now: close this dialog, check it, then edit again.', { cause: e });
      }
      throw e;
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={product ? `Edit ${product.name}` : 'Add a product'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label="Name" required data-autofocus placeholder="e.g. Managed Kubernetes" {...form.getInputProps('name')} />
          <Textarea label="Description" description="What it is and how partners are part of it." autosize minRows={3} maxRows={8} {...form.getInputProps('description')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {product ? 'Save' : 'Add product'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Our own products and services that include partners: the small catalogue partner pages pick from. */
export function ProductsPage() {
  const me = useMe();
  const products = useQuery(productsQuery());
  const canManage = me.can.manageProducts;
  const [editing, setEditing] = useState<Product | null>(null);
  const [open, setOpen] = useState(false);

  const add = canManage ? (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => {
        setEditing(null);
        setOpen(true);
      }}
    >
      Add product
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title="Products" description="Our own products and services that include partners. A partner's page lists the ones it is part of." actions={add} />
      <Card withBorder radius="md" padding={0}>
        {products.isPending ? (
          <LoadingState label="Loading products…" />
        ) : products.isError ? (
          <Stack p="md">
            <ErrorState error={products.error} onRetry={() => void products.refetch()} />
          </Stack>
        ) : products.data.length === 0 ? (
          <EmptyState
            icon={<IconPackage size={24} aria-hidden />}
            title="The catalogue is empty"
            description={
              canManage
                ? 'Add the products and services you sell that include a partner, e.g. a managed platform built on a vendor’s software.'
                : 'A Partner Manager adds our products here.'
            }
            action={add}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="sm" horizontalSpacing="md">
                <Table.Caption className="visually-hidden">Products, by name</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Description</Table.Th>
                    {canManage && (
                      <Table.Th>
                        <span className="visually-hidden">Actions</span>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {products.data.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {p.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={p.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                          {p.description ?? 'No description'}
                        </Text>
                      </Table.Td>
                      {canManage && (
                        <Table.Td w={56}>
                          <Tooltip label="Rename or describe" withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Edit ${p.name}`}
                              onClick={() => {
                                setEditing(p);
                                setOpen(true);
                              }}
                            >
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm" c="dimmed" p="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              {plural(products.data.length, 'product')}
            </Text>
          </>
        )}
      </Card>
      <ProductModal opened={open} product={editing} onClose={() => setOpen(false)} />
    </>
  );
}
