import { Button, Group, PasswordInput, Stack, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconWand } from '@tabler/icons-react';

/** 20 characters from an alphabet without look-alikes (0/O, 1/l/I): about 115 bits. */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_';
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let out = '';
  for (const b of bytes) {
    if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
    if (out.length === length) break;
  }
  return out.length === length ? out : generatePassword(length);
}

/** A password an administrator hands to someone: typed, or generated and shown. */
export function NewPasswordField({
  onGenerate,
  onVisibilityChange,
  ...props
}: PasswordInputProps & { onGenerate: (password: string) => void; onVisibilityChange: (v: boolean) => void }) {
  const { t } = useTranslation('users');
  return (
    <Stack gap={6}>
      <PasswordInput required autoComplete="new-password" onVisibilityChange={onVisibilityChange} {...props} />
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconWand size={14} aria-hidden />}
          onClick={() => {
            onGenerate(generatePassword());
            onVisibilityChange(true);
          }}
        >
          {t('password.generate')}
        </Button>
      </Group>
    </Stack>
  );
}
