import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';
import { signInErrorMessage, type Message } from './messages';
import { homeOf } from './roles';
import { SecondFactorForm } from './SecondFactorForm';
import { signIn, useSession } from './session';

/** Only a path of this app (`/cases/1`), never another site (`//evil.example`). */
function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : undefined;
}

export default function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const [error, setError] = useState<Message | undefined>();
  const [submitting, setSubmitting] = useState(false);
  /** The second step's token, in memory only, while the code is asked for. */
  const [mfaToken, setMfaToken] = useState<string | undefined>();
  const errorRef = useRef<HTMLDivElement>(null);
  const form = useForm({ initialValues: { email: '', password: '' } });

  useEffect(() => {
    document.title = `${t('auth.signIn.title')} · ${t('common.appName')}`;
  }, [t]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (session.status === 'signed_in') {
    return <Navigate to={safeNext(params.get('next')) ?? homeOf(session.user.role)} replace />;
  }
  const ended = session.status === 'signed_out' ? session.endedBecause : undefined;

  const submit = form.onSubmit(async ({ email, password }) => {
    if (!email.trim() || !password) {
      setError({ key: 'auth.errors.VALIDATION_FAILED' });
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const next = await signIn(email.trim(), password);
      if (next) {
        form.setFieldValue('password', '');
        setMfaToken(next.mfaToken);
      }
    } catch (e) {
      setError(signInErrorMessage(e));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <Box component="main" id="main" mih="100vh" bg="gray.1" py="xl" px="sm">
      <Center>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" w="100%" maw={440}>
          <Stack gap="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={700} size="lg" c="blue.9">
                {t('common.appName')}
              </Text>
              <LanguageSwitcher />
            </Group>
            <Title order={1} size="h2">
              {t('auth.signIn.title')}
            </Title>
            <Text size="sm">{t('auth.signIn.intro')}</Text>
            {ended && !error && (
              <Alert
                color={ended === 'signed_out' ? 'blue' : 'orange'}
                role="status"
                data-testid="session-ended"
              >
                {t(`auth.ended.${ended}`)}
              </Alert>
            )}
            {error && !mfaToken && (
              <Alert color="red" role="alert" ref={errorRef} tabIndex={-1} data-testid="sign-in-error">
                {t(error.key, error.values)}
              </Alert>
            )}
            {mfaToken ? (
              <SecondFactorForm
                mfaToken={mfaToken}
                onStartOver={(why) => {
                  setMfaToken(undefined);
                  setError(why);
                }}
              />
            ) : (
              <form onSubmit={submit} noValidate>
                <Stack gap="sm">
                  <TextInput
                    label={t('auth.signIn.email')}
                    type="email"
                    autoComplete="username"
                    required
                    {...form.getInputProps('email')}
                  />
                  <PasswordInput
                    visibilityToggleButtonProps={{ 'aria-label': t('auth.signIn.showPassword') }}
                    label={t('auth.signIn.password')}
                    autoComplete="current-password"
                    required
                    {...form.getInputProps('password')}
                  />
                  <Button type="submit" loading={submitting} fullWidth mt="xs">
                    {submitting ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
                  </Button>
                </Stack>
              </form>
            )}
            <Text size="xs" c="dimmed">
              {t('auth.signIn.sharedDevice')}
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
