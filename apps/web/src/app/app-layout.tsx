import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../components/brand-mark';
import { ButtonLink } from '../components/button';
import { LanguageSwitch } from '../components/language-switch';
import { UserMenu } from '../components/user-menu';
import { useCurrentUser, useLogout } from '../features/auth/session';
import { NAVIGATION, SECTIONS } from '../features/sections/sections';

/**
 * The sticky header's height as `--app-header-block-size` on the root, for the root's scroll
 * padding: whatever the browser scrolls into view (a control reached with Tab or Shift+Tab, the
 * skip link's target, a field focused on an error) lands below the header, not under it. The
 * header is one row on a desktop and two or three on a phone, in either language.
 */
function useHeaderBlockSize() {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const header = ref.current;
    if (!header) return undefined;
    const root = document.documentElement;
    const measure = () => root.style.setProperty('--app-header-block-size', `${Math.ceil(header.getBoundingClientRect().height)}px`);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--app-header-block-size');
    };
  }, []);
  return ref;
}

/**
 * After client-side navigation, move focus to the new page's heading so screen readers announce
 * it. Not on the first load (keyed on the path, so StrictMode's double effects do not count).
 */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
  }, [pathname]);
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  useFocusHeadingOnNavigate();
  const headerRef = useHeaderBlockSize();

  function handleLogOut() {
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/login', { replace: true, state: { loggedOut: true } }),
    });
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header" ref={headerRef}>
        <div className="app-header__inner">
          <BrandMark to={user ? '/home' : '/'} />
          {user ? (
            <nav className="app-nav" aria-label={t('nav.main')}>
              <ul className="app-nav__list">
                <li>
                  <NavLink to="/home" className="app-nav__link">
                    {t('nav.home')}
                  </NavLink>
                </li>
                {NAVIGATION[user.role].map((section) => (
                  <li key={section}>
                    <NavLink to={SECTIONS[section].path} className="app-nav__link">
                      {t(`nav.${section}`)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div className="app-header__end">
            <LanguageSwitch />
            {user ? (
              <UserMenu user={user} onLogOut={handleLogOut} isLoggingOut={logout.isPending} />
            ) : (
              <div className="app-header__auth">
                <ButtonLink to="/login" variant="ghost" size="sm">
                  {t('nav.logIn')}
                </ButtonLink>
                <ButtonLink to="/signup" size="sm">
                  {t('nav.signUp')}
                </ButtonLink>
              </div>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>{t('footer.tagline')}</p>
      </footer>
    </div>
  );
}
