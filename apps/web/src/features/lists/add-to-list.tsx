import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/button';
import { describeError } from '../../lib/i18n/error-messages';
import { Popover } from './popover';
import { useAddToList, useCreateList, useLists } from './queries';

/** "Add to list": the brand's lists plus "New list…"; says where the influencer went. */
export function AddToListMenu({ influencerId, influencerName }: { influencerId: string; influencerName: string }) {
  const { t } = useTranslation();
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const add = useAddToList();

  return (
    <div className="add-to-list">
      <Popover label={t('lists.addToList')} buttonClassName="button button--secondary button--sm add-to-list__button">
        {(close) => (
          <AddToListPanel
            influencerName={influencerName}
            isBusy={add.isPending}
            error={add.isError ? describeError(t, add.error) : null}
            onPick={(list) =>
              add.mutate(
                { listId: list.id, influencerId },
                {
                  onSuccess: () => {
                    setAdded(list);
                    close();
                  },
                },
              )
            }
          />
        )}
      </Popover>
      <p className="add-to-list__status" role="status">
        {added ? (
          <>
            {t('lists.added', { list: added.name })} <Link to={`/lists/${added.id}`}>{t('lists.openList')}</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}

function AddToListPanel({
  influencerName,
  isBusy,
  error,
  onPick,
}: {
  influencerName: string;
  isBusy: boolean;
  error: string | null;
  onPick: (list: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const lists = useLists();
  const create = useCreateList();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const nameId = useId();

  function handleCreate(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate({ name: trimmed }, { onSuccess: (list) => onPick({ id: list.id, name: list.name }) });
  }

  return (
    <div className="menu" role="group" aria-label={t('lists.addNamed', { name: influencerName })}>
      {lists.isPending ? <p className="muted menu__note">{t('common.loading')}</p> : null}
      {lists.isError ? <p className="menu__note field__error">{describeError(t, lists.error)}</p> : null}
      {lists.data?.items.length ? (
        <ul className="menu__list">
          {lists.data.items.map((list) => (
            <li key={list.id}>
              <button type="button" className="menu__item" disabled={isBusy} onClick={() => onPick({ id: list.id, name: list.name })}>
                <span className="menu__item-name">{list.name}</span>
                <span className="muted">{t('lists.count', { count: list.itemCount, value: list.itemCount })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {creating ? (
        <form className="menu__form" onSubmit={handleCreate}>
          <label className="field__label" htmlFor={nameId}>
            {t('lists.name')}
          </label>
          <input id={nameId} autoFocus className="field__input field__input--sm" value={name} maxLength={120} required onChange={(event) => setName(event.target.value)} />
          <Button type="submit" size="sm" isBusy={create.isPending || isBusy} busyLabel={t('lists.saving')}>
            {t('lists.createAndAdd')}
          </Button>
        </form>
      ) : (
        <button type="button" className="menu__item menu__item--new" onClick={() => setCreating(true)}>
          {t('lists.newList')}
        </button>
      )}
      {create.isError ? <p className="menu__note field__error">{describeError(t, create.error)}</p> : null}
      {error ? <p className="menu__note field__error">{error}</p> : null}
    </div>
  );
}
