import { useState } from 'react';
import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createTokenBody } from '../../../shared/schemas/token.js';
import { formatDate } from '../../lib/format.js';
import { useNow } from '../../lib/useNow.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useCreateToken, type CreatedToken } from './queries.js';

const EXPIRY = ['30', '90', '365', 'never'] as const;

// The form picks a lifetime from a list; the schema turns it into the request body.
const formSchema = z
  .object({ name: createTokenBody.shape.name, expiry: z.enum(EXPIRY) })
  .transform(({ name, expiry }) => createTokenBody.parse({ name, expiresInDays: expiry === 'never' ? null : Number(expiry) }));

function CopyField({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('tokens');
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code block style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} aria-label={label} data-testid="token-secret">
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('create.copied') : t('create.copy')} withArrow>
            <ActionIcon
              variant={copied ? 'filled' : 'default'}
              color={copied ? 'teal' : undefined}
              size="lg"
              onClick={copy}
              aria-label={copied ? t('create.copied') : t('create.copyToken')}
            >
              {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** Step one asks for a name and a lifetime; step two shows the secret, once. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['tokens', 'common']);
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const form = useSchemaForm(formSchema, { name: '', expiry: '90' }, { labels: { name: t('create.name') } });

  // Outside the JSX: the i18n lint rule misreads this field name as text.
  const expiryProps = form.getInputProps('expiry');

  const close = () => {
    onClose();
    // Forget the secret as soon as the dialog is gone.
    setTimeout(() => {
      setCreated(null);
      form.reset();
      create.reset();
    }, 200);
  };

  const submit = form.submit(async (body) => {
    const token = await create.mutateAsync(body);
    setCreated(token);
  });

  const days = form.values.expiry === 'never' ? null : Number(form.values.expiry);
  const now = useNow();
  const expiresOn = days ? formatDate(new Date(now + days * 86_400_000).toISOString()) : null;

  return (
    <Modal opened={opened} onClose={close} title={created ? t('create.copyTitle') : t('create.title')} size="lg" closeOnClickOutside={!created} closeOnEscape={!created}>
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('create.onlyNow')}>
            {t('create.fingerprint')}
          </Alert>
          <CopyField value={created.token} label={t('create.token')} />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('create.tryIt')}
            </Text>
            <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {`curl -H "Authorization: Bearer ${created.token}" ${window.location.origin}/api/me`}
            </Code>
          </div>
          <Text size="sm" c="dimmed">
            {created.expiresAt ? t('create.expiresOn', { name: created.name, date: formatDate(created.expiresAt) }) : t('create.noExpiry', { name: created.name })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>{t('create.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError form={form} />
            <TextInput label={t('create.name')} description={t('create.nameHint')} required data-autofocus maxLength={100} {...form.getInputProps('name')} />
            <Select
              label={t('create.expiresAfter')}
              data={EXPIRY.map((value) => ({ value, label: t(`expiry.${value}`) }))}
              allowDeselect={false}
              description={expiresOn ? t('create.stopsOn', { date: expiresOn }) : t('create.untilRevoked')}
              {...expiryProps}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common:action.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
