import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { parseCaseNumbers } from '../lib/caseNumbers';
import { lookupCaseNumbers } from '../lib/peopleLookup';
import type { PersonSummary } from '../lib/types';

interface PasteResult {
  added: number;
  found: number;
  missing: string[];
  invalid: string[];
}

/**
 * Picks people by case numbers pasted from a list the authorities sent (one a line, or comma
 * separated), and says which numbers were not found or are not case numbers at all.
 */
export function PastePicker({ onAdd }: { onAdd: (people: PersonSummary[]) => number }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const [text, setText] = useState('');
  const [result, setResult] = useState<PasteResult>();
  const find = useMutation({
    mutationFn: async () => {
      const { numbers, invalid } = parseCaseNumbers(text);
      const { found, missing } = await lookupCaseNumbers(numbers);
      return { found, missing, invalid };
    },
    onSuccess: ({ found, missing, invalid }) => {
      setResult({ added: onAdd(found), found: found.length, missing, invalid });
      // What could not be added stays in the box, to be corrected.
      setText([...missing, ...invalid].join('\n'));
    },
  });

  return (
    <Stack gap="sm">
      <Textarea
        label={t('handovers.paste.label')}
        description={t('handovers.paste.help')}
        autosize
        minRows={4}
        maxRows={10}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group>
        <Button onClick={() => find.mutate()} loading={find.isPending} disabled={!text.trim()}>
          {t('handovers.paste.add')}
        </Button>
      </Group>
      <ErrorAlert error={find.error} title={t('handovers.paste.failed')} />
      {result && (
        <Stack gap="xs" role="status">
          <Text>
            {t('handovers.paste.added', {
              count: result.added,
              formatted: number(result.added),
              already: number(result.found - result.added),
            })}
          </Text>
          {result.missing.length > 0 && (
            <Alert
              color="red"
              variant="outline"
              title={t('handovers.paste.notFound', { count: result.missing.length })}
            >
              <Text data-testid="paste-not-found">{result.missing.join(', ')}</Text>
              <Text size="sm">{t('handovers.paste.notFoundHelp')}</Text>
            </Alert>
          )}
          {result.invalid.length > 0 && (
            <Alert
              color="red"
              variant="outline"
              title={t('handovers.paste.invalid', { count: result.invalid.length })}
            >
              <Text>{result.invalid.join(', ')}</Text>
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  );
}
