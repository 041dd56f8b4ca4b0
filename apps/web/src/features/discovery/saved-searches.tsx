import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/button';
import { describeError } from '../../lib/i18n/error-messages';
import { Popover } from '../lists/popover';
import { useCreateSavedSearch, useDeleteSavedSearch, useSavedSearches } from '../lists/queries';

/** "Save this search" and the menu of saved searches (each one is a discovery URL). */
export function SavedSearches({ query }: { query: string }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="saved-searches">
      <Popover label={t('savedSearches.save')}>
        {(close) => (
          <SaveSearchForm
            query={query}
            onSaved={(name) => {
              setSaved(name);
              close();
            }}
          />
        )}
      </Popover>
      <Popover label={t('savedSearches.menu')} className="popover--end">
        {(close) => <SavedSearchMenu onPick={close} />}
      </Popover>
      <p className="saved-searches__status" role="status">
        {saved ? t('savedSearches.saved', { name: saved }) : null}
      </p>
    </div>
  );
}

function SaveSearchForm({ query, onSaved }: { query: string; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateSavedSearch();
  const [name, setName] = useState('');
  const nameId = useId();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate({ name: trimmed, query }, { onSuccess: (search) => onSaved(search.name) });
  }

  return (
    <form className="menu menu__form" onSubmit={handleSubmit}>
      <label className="field__label" htmlFor={nameId}>
        {t('savedSearches.name')}
      </label>
      <input id={nameId} className="field__input field__input--sm" value={name} maxLength={120} required autoFocus onChange={(event) => setName(event.target.value)} />
      {create.isError ? <p className="field__error">{describeError(t, create.error)}</p> : null}
      <Button type="submit" size="sm" isBusy={create.isPending} busyLabel={t('lists.saving')}>
        {t('savedSearches.saveButton')}
      </Button>
    </form>
  );
}

function SavedSearchMenu({ onPick }: { onPick: () => void }) {
  const { t } = useTranslation();
  const searches = useSavedSearches();
  const remove = useDeleteSavedSearch();
  return (
    <div className="menu">
      {searches.isPending ? <p className="muted menu__note">{t('common.loading')}</p> : null}
      {searches.isError ? <p className="menu__note field__error">{describeError(t, searches.error)}</p> : null}
      {searches.isSuccess && searches.data.items.length === 0 ? <p className="muted menu__note">{t('savedSearches.empty')}</p> : null}
      {searches.data?.items.length ? (
        <ul className="menu__list">
          {searches.data.items.map((search) => (
            <li key={search.id} className="menu__row">
              <Link className="menu__item" to={`/discover${search.query ? `?${search.query}` : ''}`} onClick={onPick}>
                {search.name}
              </Link>
              <button
                type="button"
                className="menu__delete"
                aria-label={t('savedSearches.deleteNamed', { name: search.name })}
                disabled={remove.isPending}
                onClick={() => remove.mutate(search.id)}
              >
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <path d="M4 4l8 8M12 4l-8 8" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {remove.isError ? <p className="menu__note field__error">{describeError(t, remove.error)}</p> : null}
    </div>
  );
}
