import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { InputField, TextAreaField } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { useCreateList, useLists } from './queries';

/** `/lists` — the brand's shortlists, and a form to start one. */
export function ListsPage() {
  const { t } = useTranslation();
  const { formatNumber, formatDate } = useFormatters();
  usePageTitle(t('nav.lists'));
  const lists = useLists();

  return (
    <>
      <PageHeader title={t('nav.lists')} lead={t('sections.lists')} />
      <div className="lists-layout">
        <section className="lists-index" aria-labelledby="lists-yours">
          <h2 className="section-title" id="lists-yours">
            {t('lists.yourLists')}
          </h2>
          {lists.isPending ? <p className="muted">{t('common.loading')}</p> : null}
          {lists.isError ? (
            <Alert tone="danger" live="alert" title={describeError(t, lists.error)}>
              <Button variant="secondary" size="sm" onClick={() => void lists.refetch()}>
                {t('account.retry')}
              </Button>
            </Alert>
          ) : null}
          {lists.isSuccess && lists.data.items.length === 0 ? (
            <div className="empty-state">
              <p className="empty-state__title">{t('lists.emptyTitle')}</p>
              <p>{t('lists.emptyBody')}</p>
            </div>
          ) : null}
          {lists.data?.items.length ? (
            <ul className="list-cards">
              {lists.data.items.map((list) => (
                <li key={list.id} className="list-card card">
                  <h3 className="list-card__name">
                    <Link to={`/lists/${list.id}`}>{list.name}</Link>
                  </h3>
                  {list.description ? (
                    <p className="list-card__description" dir="auto">
                      {list.description}
                    </p>
                  ) : null}
                  <p className="list-card__meta muted">
                    <span>{t('lists.count', { count: list.itemCount, value: formatNumber(list.itemCount) })}</span>
                    <span aria-hidden="true"> · </span>
                    <span>{t('lists.updated', { date: formatDate(list.updatedAt) })}</span>
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <CreateListCard />
      </div>
    </>
  );
}

function CreateListCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateList();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('lists.nameRequired'));
      return;
    }
    setNameError(undefined);
    create.mutate(
      { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) },
      { onSuccess: (list) => void navigate(`/lists/${list.id}`) },
    );
  }

  return (
    <Card heading={t('lists.createTitle')} className="lists-create">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <InputField label={t('lists.name')} value={name} maxLength={120} error={nameError} onChange={(event) => setName(event.target.value)} />
        <TextAreaField
          label={
            <>
              {t('lists.description')} <span className="muted">({t('common.optional')})</span>
            </>
          }
          value={description}
          maxLength={1000}
          rows={3}
          onChange={(event) => setDescription(event.target.value)}
        />
        {create.isError ? <Alert tone="danger" live="alert" title={describeError(t, create.error)} /> : null}
        <Button type="submit" isBusy={create.isPending} busyLabel={t('lists.saving')}>
          {t('lists.create')}
        </Button>
      </form>
    </Card>
  );
}
