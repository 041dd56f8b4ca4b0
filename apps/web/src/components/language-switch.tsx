import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../lib/i18n/i18n';
import { LANGUAGES, type Language } from '../lib/i18n/languages';

/** A two-way switch; each option is labelled in its own language (and marked with `lang`). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n);

  function handleSelect(language: Language) {
    if (language !== active) void i18n.changeLanguage(language);
  }

  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={language === active}
          onClick={() => handleSelect(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
