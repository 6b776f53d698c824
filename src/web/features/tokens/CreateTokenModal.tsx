import { useState } from 'react';
import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { z } from 'zod';
import { createTokenBody } from '../../../shared/schemas/token.js';
import { formatDate } from '../../lib/format.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useCreateToken, type CreatedToken } from './queries.js';

const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

// The form picks a lifetime from a list; the schema turns it into the request body.
const formSchema = z
  .object({ name: createTokenBody.shape.name, expiry: z.enum(['30', '90', '365', 'never']) })
  .transform(({ name, expiry }) => createTokenBody.parse({ name, expiresInDays: expiry === 'never' ? null : Number(expiry) }));

function CopyField({ value, label }: { value: string; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code block style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} aria-label={label} data-testid="token-secret">
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
            <ActionIcon variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} size="lg" onClick={copy} aria-label={copied ? 'Copied' : 'Copy the token'}>
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
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const form = useSchemaForm(formSchema, { name: '', expiry: '90' }, { labels: { name: 'Name' } });

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
  const expiresOn = days ? formatDate(new Date(Date.now() + days * 86_400_000).toISOString()) : null;

  return (
    <Modal opened={opened} onClose={close} title={created ? 'Copy your new token' : 'New API token'} size="lg" closeOnClickOutside={!created} closeOnEscape={!created}>
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="You will see this token only now">
            Partnerhub keeps only a fingerprint of it. Copy it into your script’s secret store before closing this dialog.
          </Alert>
          <CopyField value={created.token} label="API token" />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Try it
            </Text>
            <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {`curl -H "Authorization: Bearer ${created.token}" ${window.location.origin}/api/me`}
            </Code>
          </div>
          <Text size="sm" c="dimmed">
            “{created.name}” {created.expiresAt ? `expires on ${formatDate(created.expiresAt)}` : 'does not expire'}.
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>I have copied it</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError form={form} />
            <TextInput
              label="Name"
              description="What will use it, e.g. “CRM sync” or “Monthly report script”."
              required
              data-autofocus
              maxLength={100}
              {...form.getInputProps('name')}
            />
            <Select
              label="Expires after"
              data={EXPIRY}
              allowDeselect={false}
              description={expiresOn ? `It stops working on ${expiresOn}.` : 'It works until you revoke it. Prefer an expiry for anything shared.'}
              {...form.getInputProps('expiry')}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
