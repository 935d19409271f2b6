import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shell/Page';
import { WorkSection } from '../list/WorkSection';

/**
 * The caseworker's and supervisor's start page, what they open every morning: the cases waiting past
 * their stage's target (oldest first, as the API gives them), the newest intakes, and the way to
 * register someone new.
 */
export default function MyWorkPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('people.myWork.title')} intro={t('people.work.intro')}>
      <Group justify="space-between" gap="sm">
        <Text>{t('people.work.newIntakeHint')}</Text>
        <Button component={Link} to="/cases/new" size="md">
          {t('people.work.newIntake')}
        </Button>
      </Group>
      <WorkSection
        testId="overdue"
        title={t('people.work.overdue.title')}
        description={t('people.work.overdue.description')}
        empty={t('people.work.overdue.empty')}
        filters={{ overdue: true }}
        seeAll={t('people.work.overdue.seeAll')}
      />
      <WorkSection
        testId="recent"
        title={t('people.work.recent.title')}
        description={t('people.work.recent.description')}
        empty={t('people.work.recent.empty')}
        filters={{}}
        seeAll={t('people.work.recent.seeAll')}
      />
    </Page>
  );
}
