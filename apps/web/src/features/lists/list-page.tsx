import { LIST_ITEM_STATUSES, type TList, type TListItem } from '@reachbridge/contracts';
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button, ButtonLink } from '../../components/button';
import { Card } from '../../components/card';
import { InputField, TextAreaField } from '../../components/field';
import { FullPageError, FullPageLoader } from '../../components/full-page-state';
import { PageHeader } from '../../components/page-header';
import { isApiError } from '../../lib/api-client';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { useTaxonomy } from '../influencers/labels';
import { SendOfferButton } from '../offers/send-offer-button';
import { exportCsvHref, useDeleteList, useImportCsv, useList, useRemoveListItem, useUpdateList, useUpdateListItem, type ListItemStatus } from './queries';

/** `/lists/:id` — one shortlist: who is on it, where each stands, and notes. */
export function ListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const list = useList(id);
  usePageTitle(list.data?.name ?? t('nav.lists'));

  if (list.isPending) return <FullPageLoader />;
  if (list.isError) {
    if (isApiError(list.error) && (list.error.status === 404 || list.error.code === 'VALIDATION_FAILED')) {
      return (
        <div className="not-found">
          <h1 className="not-found__title" tabIndex={-1} data-page-heading="">
            {t('lists.notFound')}
          </h1>
          <ButtonLink to="/lists" variant="secondary">
            {t('lists.backToLists')}
          </ButtonLink>
        </div>
      );
    }
    return <FullPageError error={list.error} onRetry={() => void list.refetch()} />;
  }
  return <ListView list={list.data} />;
}

function ListView({ list }: { list: TList }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const [editing, setEditing] = useState(false);

  return (
    <>
      <p className="back-link">
        <Link to="/lists">{t('lists.backToLists')}</Link>
      </p>
      <PageHeader
        title={list.name}
        lead={list.description ?? t('lists.count', { count: list.itemCount, value: formatNumber(list.itemCount) })}
        actions={
          <>
            <a className="button button--secondary button--sm" href={exportCsvHref(list.id)} download>
              {t('lists.exportCsv')}
            </a>
            <Button variant="ghost" size="sm" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
              {t('lists.editList')}
            </Button>
          </>
        }
      />
      {editing ? <EditListCard list={list} onDone={() => setEditing(false)} /> : null}
      {list.items.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('lists.noItemsTitle')}</p>
          <p>{t('lists.noItemsBody')}</p>
          <ButtonLink to="/discover" variant="secondary">
            {t('lists.goDiscover')}
          </ButtonLink>
        </div>
      ) : (
        <ul className="list-items" aria-label={t('lists.itemsLabel', { name: list.name })}>
          {list.items.map((item) => (
            <li key={item.influencer.id}>
              <ListItemRow listId={list.id} item={item} />
            </li>
          ))}
        </ul>
      )}
      <ImportCsvCard listId={list.id} />
    </>
  );
}

function ListItemRow({ listId, item }: { listId: string; item: TListItem }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { formatCompact, formatNumber, countryName } = useFormatters();
  const update = useUpdateListItem(listId);
  const remove = useRemoveListItem(listId);
  const [note, setNote] = useState(item.note);
  const [savedNote, setSavedNote] = useState(false);
  const { influencer } = item;
  const nameId = useId();

  useEffect(() => setNote(item.note), [item.note]);

  function saveStatus(event: ChangeEvent<HTMLSelectElement>) {
    setSavedNote(false);
    update.mutate({ influencerId: influencer.id, status: event.target.value as ListItemStatus });
  }

  function saveNote(event: FormEvent) {
    event.preventDefault();
    if (note.trim() === item.note) return;
    update.mutate({ influencerId: influencer.id, note: note.trim() }, { onSuccess: () => setSavedNote(true) });
  }

  return (
    <article className="list-item card" aria-labelledby={nameId} data-testid="list-item">
      <div className="list-item__who">
        <h2 className="list-item__name" id={nameId}>
          <Link to={`/influencers/${influencer.id}`}>{influencer.displayName}</Link>
        </h2>
        <dl className="list-item__facts">
          <div>
            <dt>{t('influencer.followers')}</dt>
            <dd title={formatNumber(influencer.totalFollowers)}>{formatCompact(influencer.totalFollowers)}</dd>
          </div>
          <div>
            <dt>{t('influencer.tier')}</dt>
            <dd>{taxonomy.tier(influencer.tier)}</dd>
          </div>
          <div>
            <dt>{t('influencer.location')}</dt>
            <dd>{countryName(influencer.country)}</dd>
          </div>
          <div>
            <dt>{t('influencer.niches')}</dt>
            <dd>{influencer.niches.map((niche) => taxonomy.niche(niche)).join(t('common.listSeparator'))}</dd>
          </div>
        </dl>
        <p className="list-item__offer">
          <SendOfferButton influencerId={influencer.id} describedBy={nameId} />
        </p>
      </div>
      <div className="list-item__work">
        <div className="field">
          <label className="field__label" htmlFor={`${nameId}-status`}>
            {t('lists.status')}
          </label>
          <select id={`${nameId}-status`} className="field__input field__select field__input--sm" value={item.status} disabled={update.isPending} onChange={saveStatus}>
            {LIST_ITEM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`lists.statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <form className="list-item__note" onSubmit={saveNote}>
          <TextAreaField
            label={t('lists.note')}
            value={note}
            rows={2}
            maxLength={2000}
            onChange={(event) => {
              setSavedNote(false);
              setNote(event.target.value);
            }}
          />
          <div className="list-item__actions">
            <Button type="submit" size="sm" variant="secondary" disabled={note.trim() === item.note} isBusy={update.isPending} busyLabel={t('lists.saving')}>
              {t('lists.saveNote')}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              isBusy={remove.isPending}
              onClick={() => remove.mutate(influencer.id)}
              aria-label={t('lists.removeNamed', { name: influencer.displayName })}
            >
              {t('lists.remove')}
            </Button>
            <span className="list-item__saved" role="status">
              {savedNote ? t('lists.noteSaved') : null}
            </span>
          </div>
        </form>
        {update.isError || remove.isError ? <Alert tone="danger" live="alert" title={describeError(t, update.error ?? remove.error)} /> : null}
      </div>
    </article>
  );
}

function EditListCard({ list, onDone }: { list: TList; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateList(list.id);
  const remove = useDeleteList();
  const [name, setName] = useState(list.name);
  const [description, setDescription] = useState(list.description ?? '');
  const [confirmDelete, setConfirmDelete] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    update.mutate({ name: name.trim(), description: description.trim() || null }, { onSuccess: onDone });
  }

  return (
    <Card heading={t('lists.editList')} className="lists-edit">
      <form className="form" onSubmit={handleSubmit}>
        <InputField label={t('lists.name')} value={name} required maxLength={120} onChange={(event) => setName(event.target.value)} />
        <TextAreaField label={t('lists.description')} value={description} rows={2} maxLength={1000} onChange={(event) => setDescription(event.target.value)} />
        {update.isError ? <Alert tone="danger" live="alert" title={describeError(t, update.error)} /> : null}
        <div className="lists-edit__actions">
          <Button type="submit" size="sm" isBusy={update.isPending} busyLabel={t('lists.saving')}>
            {t('lists.saveList')}
          </Button>
          <Button size="sm" variant="ghost" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          {confirmDelete ? (
            <span className="lists-edit__confirm" role="alert">
              {t('lists.deleteConfirm')}{' '}
              <Button
                size="sm"
                variant="danger"
                isBusy={remove.isPending}
                onClick={() => remove.mutate(list.id, { onSuccess: () => void navigate('/lists', { replace: true }) })}
              >
                {t('lists.deleteYes')}
              </Button>
            </span>
          ) : (
            <Button size="sm" variant="danger" onClick={() => setConfirmDelete(true)}>
              {t('lists.deleteList')}
            </Button>
          )}
        </div>
        {remove.isError ? <Alert tone="danger" live="alert" title={describeError(t, remove.error)} /> : null}
      </form>
    </Card>
  );
}

/** Paste or upload CSV; the server checks every row first and imports all or nothing. */
function ImportCsvCard({ listId }: { listId: string }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const importCsv = useImportCsv(listId);
  const [csv, setCsv] = useState('');
  const fileId = useId();

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setCsv(await file.text());
    importCsv.reset();
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!csv.trim()) return;
    importCsv.mutate(csv, { onSuccess: () => setCsv('') });
  }

  const rowErrors = isApiError(importCsv.error) ? importCsv.error.details.filter((detail) => detail.path.startsWith('csv')) : [];

  return (
    <Card heading={t('lists.importTitle')} className="lists-import">
      <p className="card__lead">{t('lists.importLead')}</p>
      <form className="form" onSubmit={handleSubmit}>
        <div className="field">
          <label className="field__label" htmlFor={fileId}>
            {t('lists.importFile')}
          </label>
          <input id={fileId} type="file" accept=".csv,text/csv" className="field__file" onChange={(event) => void handleFile(event)} />
        </div>
        <TextAreaField label={t('lists.importPaste')} value={csv} rows={5} dir="ltr" className="lists-import__text" onChange={(event) => setCsv(event.target.value)} />
        {importCsv.isError ? (
          <Alert tone="danger" live="alert" title={rowErrors.length ? t('lists.importFailed') : describeError(t, importCsv.error)}>
            {rowErrors.length ? (
              <ul className="lists-import__errors">
                {rowErrors.map((detail) => {
                  const row = /^csv\.row\.(\d+)/.exec(detail.path)?.[1];
                  return (
                    <li key={`${detail.path}:${detail.message}`}>
                      <strong>{row ? t('lists.importRow', { value: formatNumber(Number(row)) }) : detail.path}</strong>: <bdi>{detail.message}</bdi>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        {importCsv.isSuccess ? <Alert tone="success" live="status" title={t('lists.imported', { count: importCsv.data.imported, value: formatNumber(importCsv.data.imported) })} /> : null}
        <Button type="submit" size="sm" isBusy={importCsv.isPending} busyLabel={t('lists.importing')} disabled={!csv.trim()}>
          {t('lists.importButton')}
        </Button>
      </form>
    </Card>
  );
}
