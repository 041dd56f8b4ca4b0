import { zodResolver } from '@hookform/resolvers/zod';
import { type authContracts, ZLoginRequest, type ContractBodyInput } from '@reachbridge/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { applyServerErrors, zodResolverOptions } from '../../lib/form-errors';
import { usePageTitle } from '../../lib/use-page-title';
import { AuthLayout } from './auth-layout';
import { FormAlert } from './form-alert';
import { useLogin } from './session';

type LogInValues = ContractBodyInput<typeof authContracts.login>;

const FIELDS = ['email', 'password'] as const;

interface LoginLocationState {
  from?: string;
  loggedOut?: boolean;
}

export function LogInPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.logInTitle'));
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const login = useLogin();
  const [formError, setFormError] = useState<unknown>(null);

  const form = useForm<LogInValues>({
    resolver: zodResolver(ZLoginRequest, zodResolverOptions),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const handleSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      // On success the session changes and <PublicOnly> moves on (to where the visitor was headed).
      await login.mutateAsync(values);
    } catch (error) {
      // Wrong credentials are about the pair, not one field: they stay at form level.
      setFormError(applyServerErrors(error, form.setError, { fields: FIELDS }));
    }
  });

  return (
    <AuthLayout
      title={t('auth.logInTitle')}
      lead={t('auth.logInLead')}
      footer={
        <>
          {t('auth.noAccount')} <Link to="/signup">{t('nav.signUp')}</Link>
        </>
      }
    >
      <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        {state.loggedOut && !formError ? (
          <Alert tone="success" live="status">
            {t('auth.loggedOut')}
          </Alert>
        ) : null}
        <FormAlert error={formError} />
        <TextField
          label={t('auth.email')}
          type="email"
          inputMode="email"
          autoComplete="username"
          dir="ltr"
          spellCheck={false}
          error={errors.email?.message}
          hasError={errors.email !== undefined}
          {...form.register('email')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          dir="ltr"
          error={errors.password?.message}
          hasError={errors.password !== undefined}
          {...form.register('password')}
        />
        <Button type="submit" size="lg" className="form__submit" isBusy={form.formState.isSubmitting} busyLabel={t('auth.submittingLogIn')}>
          {t('auth.submitLogIn')}
        </Button>
      </form>
    </AuthLayout>
  );
}
