import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../components/brand-mark';
import { ButtonLink } from '../components/button';
import { LanguageSwitch } from '../components/language-switch';
import { UserMenu } from '../components/user-menu';
import { useCurrentUser, useLogout } from '../features/auth/session';
import { NAVIGATION, SECTIONS } from '../features/sections/sections';

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
      <header className="app-header">
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
