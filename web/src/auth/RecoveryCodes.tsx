import { Alert, Button, Checkbox, Code, Group, List, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../shell/saveBlob';

/**
 * The recovery codes, shown this once (the API keeps only digests): to download or copy, and a
 * confirmation that they are saved before the page moves on.
 */
export function RecoveryCodes({
  codes,
  email,
  onDone,
}: {
  codes: string[];
  email: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = [t('auth.mfa.fileHeading', { email }), '', ...codes, ''].join('\n');

  return (
    <Stack gap="sm" maw={520} data-testid="recovery-codes">
      <Title order={2} size="h3">
        {t('auth.mfa.codesTitle')}
      </Title>
      <Alert color="orange" role="status">
        {t('auth.mfa.codesIntro')}
      </Alert>
      <List type="ordered" spacing={4}>
        {codes.map((code) => (
          <List.Item key={code}>
            <Code fz="md">{code}</Code>
          </List.Item>
        ))}
      </List>
      <Group gap="xs">
        <Button
          variant="default"
          onClick={() => saveBlob(new Blob([text], { type: 'text/plain' }), 'safe-return-recovery-codes.txt')}
        >
          {t('auth.mfa.download')}
        </Button>
        <Button
          variant="default"
          onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
        >
          {copied ? t('auth.mfa.copied') : t('auth.mfa.copy')}
        </Button>
      </Group>
      <Checkbox
        label={t('auth.mfa.saved')}
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
      />
      <Button w="fit-content" disabled={!saved} onClick={onDone}>
        {t('auth.mfa.done')}
      </Button>
    </Stack>
  );
}
