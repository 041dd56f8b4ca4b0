import { zodResolver } from '@hookform/resolvers/zod';
import { type authContracts, ZRegisterRequest, type ContractBodyInput } from '@reachbridge/contracts';
import { SELF_SERVICE_ROLES, type SelfServiceRole } from '@reachbridge/domain';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { applyServerErrors, zodResolverOptions } from '../../lib/form-errors';
import { translateMessage } from '../../lib/i18n/error-messages';
import { usePageTitle } from '../../lib/use-page-title';
import { AuthLayout } from './auth-layout';
import { FormAlert } from './form-alert';
import { useRegister } from './session';

type SignUpValues = ContractBodyInput<typeof authContracts.register>;

const FIELDS = ['role', 'displayName', 'email', 'password'] as const;
const PASSWORD_MIN = ZRegisterRequest.shape.password.minLength ?? 10;

const ROLE_COPY = {
  brand: { title: 'auth.roleBrandTitle', body: 'auth.roleBrandBody' },
  influencer: { title: 'auth.roleInfluencerTitle', body: 'auth.roleInfluencerBody' },
} as const satisfies Record<SelfServiceRole, { title: string; body: string }>;

function isSelfServiceRole(value: string | null): value is SelfServiceRole {
  return value !== null && (SELF_SERVICE_ROLES as readonly string[]).includes(value);
}

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signUpTitle'));
  const [searchParams] = useSearchParams();
  const requestedRole = searchParams.get('role');
  const register = useRegister();
  const [formError, setFormError] = useState<unknown>(null);
  const roleErrorId = useId();

  const form = useForm<SignUpValues>({
    resolver: zodResolver(ZRegisterRequest, zodResolverOptions),
    defaultValues: {
      role: isSelfServiceRole(requestedRole) ? requestedRole : undefined,
      displayName: '',
      email: '',
      password: '',
    },
  });
  const { errors } = form.formState;

  const handleSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      // On success the session changes and <PublicOnly> moves on to the home page.
      await register.mutateAsync(values);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, { fields: FIELDS, codeFields: { AUTH_EMAIL_TAKEN: 'email' } }));
    }
  });

  return (
    <AuthLayout
      title={t('auth.signUpTitle')}
      lead={t('auth.signUpLead')}
      footer={
        <>
          {t('auth.haveAccount')} <Link to="/login">{t('nav.logIn')}</Link>
        </>
      }
    >
      <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <FormAlert error={formError} />
        <fieldset className="role-picker" aria-describedby={errors.role ? roleErrorId : undefined}>
          <legend className="field__label">{t('auth.roleLegend')}</legend>
          <div className="role-picker__options">
            {SELF_SERVICE_ROLES.map((role) => (
              <label key={role} className="role-option">
                <input
                  type="radio"
                  value={role}
                  className="role-option__input"
                  aria-invalid={errors.role ? true : undefined}
                  {...form.register('role')}
                />
                <span className="role-option__card">
                  <span className="role-option__title">{t(ROLE_COPY[role].title)}</span>
                  <span className="role-option__body">{t(ROLE_COPY[role].body)}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.role ? (
            <p className="field__error" id={roleErrorId}>
              <span>{translateMessage(t, errors.role.message)}</span>
            </p>
          ) : null}
        </fieldset>
        <TextField
          label={t('auth.displayName')}
          hint={t('auth.displayNameHint')}
          autoComplete="organization"
          error={errors.displayName?.message}
          hasError={errors.displayName !== undefined}
          {...form.register('displayName')}
        />
        <TextField
          label={t('auth.email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          dir="ltr"
          spellCheck={false}
          error={errors.email?.message}
          hasError={errors.email !== undefined}
          {...form.register('email')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          dir="ltr"
          hint={t('auth.passwordHint', { value: PASSWORD_MIN })}
          error={errors.password?.message}
          hasError={errors.password !== undefined}
          {...form.register('password')}
        />
        <Button type="submit" size="lg" className="form__submit" isBusy={form.formState.isSubmitting} busyLabel={t('auth.submittingSignUp')}>
          {t('auth.submitSignUp')}
        </Button>
      </form>
    </AuthLayout>
  );
}
