import { Button } from '@mantine/core'
import { Link } from 'react-router'
import { EmptyState } from '../components/QueryState.tsx'
import { PageHeader, usePageTitle } from '../components/PageHeader.tsx'
import { useT } from '../i18n/I18nProvider.tsx'

export function NotFoundPage() {
  const t = useT()
  usePageTitle(t('common.notFoundTitle'))
  return (
    <>
      <PageHeader title={t('common.notFoundTitle')} />
      <EmptyState
        description={t('common.pageNotFound')}
        action={
          <Button component={Link} to="/">
            {t('common.backHome')}
          </Button>
        }
      />
    </>
  )
}
