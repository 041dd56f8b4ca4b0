import type { TUser } from '@reachbridge/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Spinner } from './spinner';

export interface UserMenuProps {
  user: TUser;
  onLogOut: () => void;
  isLoggingOut: boolean;
}

function initialsOf(name: string): string {
  const letters = name.trim().split(/\s+/).slice(0, 2).map((part) => Array.from(part)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** A disclosure (button + panel): Escape or a click outside closes it; so does navigating. */
export function UserMenu({ user, onLogOut, isLoggingOut }: UserMenuProps) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  useEffect(() => setIsOpen(false), [location.pathname]);

  useEffect(() => {
    if (!isOpen) return;
    function handlePointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    }
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [isOpen]);

  return (
    <div className="user-menu" ref={rootRef} data-testid="user-menu">
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="avatar" aria-hidden="true">
          {initialsOf(user.displayName)}
        </span>
        <span className="visually-hidden">{t('nav.userMenu')}: </span>
        <span className="user-menu__name">{user.displayName}</span>
        <svg className="user-menu__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
      <div className="user-menu__panel" id={panelId} hidden={!isOpen}>
        <div className="user-menu__who">
          <span className="user-menu__caption">{t('nav.signedInAs')}</span>
          <span className="user-menu__email" dir="ltr">
            {user.email}
          </span>
          <span className="user-menu__role">{t(`roles.${user.role}`)}</span>
        </div>
        <Link className="user-menu__item" to="/account">
          {t('nav.account')}
        </Link>
        <button type="button" className="user-menu__item user-menu__item--danger" onClick={onLogOut} disabled={isLoggingOut}>
          {isLoggingOut ? <Spinner /> : null}
          {t('nav.logOut')}
        </button>
      </div>
    </div>
  );
}
