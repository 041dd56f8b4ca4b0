import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/button';
import { usePageTitle } from '../../lib/use-page-title';

const STEPS = [
  { title: 'landing.step1Title', body: 'landing.step1Body' },
  { title: 'landing.step2Title', body: 'landing.step2Body' },
  { title: 'landing.step3Title', body: 'landing.step3Body' },
] as const;

function CheckIcon() {
  return (
    <svg className="check-list__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="9" />
      <path d="M6 10.5l2.5 2.5L14 7.5" />
    </svg>
  );
}

export function LandingPage() {
  const { t } = useTranslation();
  usePageTitle(null);

  return (
    <div className="landing">
      <section className="hero">
        <p className="hero__eyebrow">{t('landing.eyebrow')}</p>
        <h1 className="hero__title" tabIndex={-1} data-page-heading="">
          {t('landing.title')}
        </h1>
        <p className="hero__lead">{t('landing.lead')}</p>
        <div className="hero__actions">
          <ButtonLink to="/signup" size="lg">
            {t('landing.ctaSignUp')}
          </ButtonLink>
          <ButtonLink to="/login" size="lg" variant="secondary">
            {t('landing.ctaLogIn')}
          </ButtonLink>
        </div>
      </section>

      <div className="audience-grid">
        <section className="card audience audience--brand" aria-labelledby="for-brands">
          <h2 id="for-brands" className="audience__title">
            {t('landing.forBrandsTitle')}
          </h2>
          <ul className="check-list">
            <li>
              <CheckIcon />
              {t('landing.forBrandsPoint1')}
            </li>
            <li>
              <CheckIcon />
              {t('landing.forBrandsPoint2')}
            </li>
            <li>
              <CheckIcon />
              {t('landing.forBrandsPoint3')}
            </li>
          </ul>
          <ButtonLink to="/signup?role=brand" variant="secondary">
            {t('landing.forBrandsCta')}
          </ButtonLink>
        </section>
        <section className="card audience audience--influencer" aria-labelledby="for-influencers">
          <h2 id="for-influencers" className="audience__title">
            {t('landing.forInfluencersTitle')}
          </h2>
          <ul className="check-list">
            <li>
              <CheckIcon />
              {t('landing.forInfluencersPoint1')}
            </li>
            <li>
              <CheckIcon />
              {t('landing.forInfluencersPoint2')}
            </li>
            <li>
              <CheckIcon />
              {t('landing.forInfluencersPoint3')}
            </li>
          </ul>
          <ButtonLink to="/signup?role=influencer" variant="secondary">
            {t('landing.forInfluencersCta')}
          </ButtonLink>
        </section>
      </div>

      <section className="steps" aria-labelledby="how-it-works">
        <h2 id="how-it-works" className="steps__title">
          {t('landing.howTitle')}
        </h2>
        <ol className="steps__list">
          {STEPS.map((step, index) => (
            <li key={step.title} className="steps__item">
              <span className="steps__number">{t('landing.step', { value: index + 1 })}</span>
              <h3 className="steps__item-title">{t(step.title)}</h3>
              <p>{t(step.body)}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
