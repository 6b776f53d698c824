import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Button, Card, Group, Modal, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackage, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { productBody } from '../../../shared/schemas/partner.js';
import { isApiError } from '../../api.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useMe } from '../../components/session.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { productsQuery, useSaveProduct, type Product } from './queries.js';

// An empty description is "none": the shared body takes null for it.
const productFormSchema = z
  .object({ name: z.string(), description: z.string() })
  .transform((v): z.input<typeof productBody> => ({ ...v, description: v.description.trim() || null }))
  .pipe(productBody);

/** Adds a product, or renames and describes one (`product` given). */
function ProductModal({ opened, product, onClose }: { opened: boolean; product: Product | null; onClose: () => void }) {
  const { t } = useTranslation(['products', 'common']);
  const save = useSaveProduct();
  const form = useSchemaForm(productFormSchema, { name: '', description: '' }, { labels: { name: t('form.name'), description: t('form.description') } });

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
      notifications.show({ color: 'teal', message: product ? t('form.saved', { name: p.name }) : t('form.added', { name: p.name }) });
      onClose();
    } catch (e) {
      if (isApiError(e, 409) && e.code === 'version_conflict') {
        throw new Error(t('form.conflict'), { cause: e });
      }
      throw e;
    }
  });

  // A variable, not inline: the i18n lint reads a spread's 'description' argument as the attribute's text.
  const descriptionInput = form.getInputProps('description');

  return (
    <Modal opened={opened} onClose={onClose} title={product ? t('form.editTitle', { name: product.name }) : t('form.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label={t('form.name')} required data-autofocus placeholder={t('form.namePlaceholder')} {...form.getInputProps('name')} />
          <Textarea label={t('form.description')} description={t('form.descriptionHint')} autosize minRows={3} maxRows={8} {...descriptionInput} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {product ? t('common:action.save') : t('form.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Our own products and services that include partners: the small catalogue partner pages pick from. */
export function ProductsPage() {
  const { t } = useTranslation('products');
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
      {t('list.add')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            {products.data?.length ? <ExportMenu path="/api/products/export" params={{}} /> : null}
            {add}
          </>
        }
      />
      <Card withBorder radius="md" padding={0}>
        {products.isPending ? (
          <LoadingState label={t('list.loading')} />
        ) : products.isError ? (
          <Stack p="md">
            <ErrorState error={products.error} onRetry={() => void products.refetch()} />
          </Stack>
        ) : products.data.length === 0 ? (
          <EmptyState
            icon={<IconPackage size={24} aria-hidden />}
            title={t('list.emptyTitle')}
            description={canManage ? t('list.emptyWriter') : t('list.emptyReader')}
            action={add}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="sm" horizontalSpacing="md">
                <Table.Caption className="visually-hidden">{t('list.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('list.name')}</Table.Th>
                    <Table.Th>{t('list.descriptionColumn')}</Table.Th>
                    {canManage && (
                      <Table.Th>
                        <span className="visually-hidden">{t('list.actions')}</span>
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
                          {p.description ?? t('list.noDescription')}
                        </Text>
                      </Table.Td>
                      {canManage && (
                        <Table.Td w={56}>
                          <Tooltip label={t('list.edit')} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('list.editAria', { name: p.name })}
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
              {t('list.count', { count: products.data.length })}
            </Text>
          </>
        )}
      </Card>
      <ProductModal opened={open} product={editing} onClose={() => setOpen(false)} />
    </>
  );
}
