import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useTaxonomy } from '../influencers/labels';
import { useSuggestions } from './queries';

export interface Suggestion {
  kind: 'influencer' | 'niche';
  value: string;
  label: string;
  id: string | null;
}

export interface SearchBoxProps {
  /** The text query in the URL. */
  value: string;
  onSearch: (text: string) => void;
  onPickInfluencer: (id: string) => void;
  onPickNiche: (niche: string) => void;
}

const SUGGEST_DELAY_MS = 200;

/**
 * The search field with typeahead (ARIA combobox with a listbox popup): arrows move through the
 * suggestions, Enter picks one (or searches for the text), Escape closes the list.
 */
export function SearchBox({ value, onSearch, onPickInfluencer, onPickNiche }: SearchBoxProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const term = useDebouncedValue(text.trim(), SUGGEST_DELAY_MS);
  const suggestions = useSuggestions(isOpen ? term : '');
  // While the next answer loads, the last one stays only if the text still starts with what it
  // answered (typing on): suggestions for another text would be wrong to show, and to pick.
  const answered = suggestions.data;
  const current = isOpen && term && answered && text.trim().toLowerCase().startsWith(answered.term.toLowerCase());
  const items: Suggestion[] = current ? answered.items : [];
  const showList = isOpen && items.length > 0;

  // Back/forward or a cleared filter changed the query: show it.
  useEffect(() => {
    setText(value);
  }, [value]);

  useEffect(() => {
    setActive(-1);
  }, [term]);

  function close() {
    setIsOpen(false);
    setActive(-1);
  }

  function pick(item: Suggestion) {
    close();
    if (item.kind === 'influencer' && item.id) {
      onPickInfluencer(item.id);
    } else if (item.kind === 'niche') {
      setText(value);
      onPickNiche(item.value);
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen) setIsOpen(true);
        else if (items.length) setActive((index) => (index + 1) % items.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (items.length) setActive((index) => (index <= 0 ? items.length - 1 : index - 1));
        break;
      case 'Enter': {
        const item = showList && active >= 0 ? items[active] : undefined;
        if (item) {
          event.preventDefault();
          pick(item);
        }
        break;
      }
      case 'Escape':
        if (showList) {
          event.preventDefault();
          close();
        }
        break;
      default:
        break;
    }
  }

  function optionLabel(item: Suggestion): string {
    return item.kind === 'niche' ? taxonomy.niche(item.value) : item.label;
  }

  return (
    <form
      className="search-box"
      role="search"
      aria-label={t('discover.searchLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        close();
        onSearch(text.trim());
      }}
    >
      <div className="search-box__field">
        <label htmlFor={`${id}-input`} className="visually-hidden">
          {t('discover.searchLabel')}
        </label>
        <svg className="search-box__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="M13 13l4.5 4.5" />
        </svg>
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="search-box__input"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? `${id}-option-${active}` : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          // Typed text reads in its own direction; the empty field (placeholder) in the page's.
          dir={text ? 'auto' : undefined}
          placeholder={t('discover.searchPlaceholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setIsOpen(true);
          }}
          onFocus={() => setIsOpen(true)}
          onBlur={close}
          onKeyDown={handleKeyDown}
        />
        <ul id={listId} role="listbox" className="search-box__list" aria-label={t('discover.suggestions')} hidden={!showList}>
          {items.map((item, index) => (
            <li
              key={`${item.kind}:${item.value}`}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className="search-box__option"
              // mousedown, not click: the input must not lose focus (and close the list) first
              onMouseDown={(event) => {
                event.preventDefault();
                pick(item);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="search-box__option-kind">{t(`discover.suggestKind.${item.kind}`)}</span>
              <span className="search-box__option-label" dir="auto">
                {optionLabel(item)}
              </span>
              {item.kind === 'influencer' ? (
                <bdi className="search-box__option-handle muted" dir="ltr">
                  @{item.value}
                </bdi>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <button type="submit" className="button button--primary search-box__submit">
        {t('discover.searchButton')}
      </button>
      <p id={`${id}-hint`} className="visually-hidden">
        {t('discover.searchHint')}
      </p>
      <p className="visually-hidden" role="status">
        {showList ? t('discover.suggestionsCount', { count: items.length }) : ''}
      </p>
    </form>
  );
}
