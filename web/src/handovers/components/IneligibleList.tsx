import { Anchor, Button, ScrollArea, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../people/components/StatusBadge';
import type { IneligiblePerson } from '../lib/offenders';
import { displayName } from '../lib/selection';

/**
 * Everyone the event cannot carry, each with their case number, current status and the reason in
 * plain words. The case opens in a new tab, so fixing it there keeps this selection here.
 */
export function IneligibleList({
  people,
  onRemove,
}: {
  people: readonly IneligiblePerson[];
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Table miw={640} aria-label={t('handovers.check.ineligibleLabel')} data-testid="ineligible">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('handovers.person.caseNumber')}</Table.Th>
            <Table.Th scope="col">{t('handovers.person.name')}</Table.Th>
            <Table.Th scope="col">{t('handovers.person.status')}</Table.Th>
            <Table.Th scope="col">{t('handovers.check.why')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('handovers.selection.removeColumn')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map(({ personId, reason, person }, i) => (
            <Table.Tr key={`${personId}-${i}`} data-case-number={person?.caseNumber} data-reason={reason}>
              <Table.Td>
                {person ? (
                  <Anchor component={Link} to={`/cases/${personId}`} target="_blank" rel="noopener">
                    {person.caseNumber}
                    <VisuallyHidden> {t('handovers.check.opensInNewTab')}</VisuallyHidden>
                  </Anchor>
                ) : (
                  t('handovers.check.unknownPerson')
                )}
              </Table.Td>
              <Table.Td>{person && !person.erased ? displayName(person) : '–'}</Table.Td>
              <Table.Td>{person ? <StatusBadge status={person.status} /> : '–'}</Table.Td>
              <Table.Td>
                {t(`handovers.reasons.${reason}`, {
                  status: person ? t(`common.status.${person.status}`) : '',
                })}
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="outline"
                  color="red"
                  onClick={() => onRemove(personId)}
                  aria-label={t('handovers.selection.remove', { caseNumber: person?.caseNumber ?? personId })}
                >
                  {t('handovers.check.removeOne')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
