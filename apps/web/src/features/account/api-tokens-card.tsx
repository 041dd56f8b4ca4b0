import { zodResolver } from '@hookform/resolvers/zod';
import { type authContracts, ZCreateApiTokenRequest, type ContractBodyInput, type TApiToken, type TCreatedApiToken } from '@reachbridge/contracts';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Spinner } from '../../components/spinner';
import { TextField } from '../../components/text-field';
import { applyServerErrors, zodResolverOptions } from '../../lib/form-errors';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { FormAlert } from '../auth/form-alert';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './api-tokens';
import { CreatedTokenPanel } from './created-token-panel';

type CreateTokenValues = ContractBodyInput<typeof authContracts.createToken>;

function TokenRow({ token, onRevoked }: { token: TApiToken; onRevoked: (token: TApiToken) => void }) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useFormatters();
  const revoke = useRevokeApiToken();
  const [isConfirming, setIsConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (isConfirming) cancelRef.current?.focus();
    else if (wasConfirming.current) revokeRef.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  function handleConfirm() {
    revoke.mutate(token.id, { onSuccess: () => onRevoked(token) });
  }

  return (
    <li className="token-row">
      <div className="token-row__main">
        <p className="token-row__name">{token.name}</p>
        <p className="token-row__meta">
          <span>
            {t('account.columnPrefix')}: <code dir="ltr">{token.prefix}…</code>
          </span>
          <span>
            {t('account.columnCreated')}: <time dateTime={token.createdAt}>{formatDate(token.createdAt)}</time>
          </span>
          <span>
            {t('account.columnLastUsed')}:{' '}
            {token.lastUsedAt ? <time dateTime={token.lastUsedAt}>{formatDateTime(token.lastUsedAt)}</time> : t('account.never')}
          </span>
        </p>
        {revoke.isError ? <p className="field__error">{describeError(t, revoke.error)}</p> : null}
      </div>
      {isConfirming ? (
        <div className="token-row__confirm" role="group" aria-label={t('account.revokeNamed', { name: token.name })}>
          <p>{t('account.revokeConfirm', { name: token.name })}</p>
          <div className="button-row">
            <Button variant="danger" size="sm" isBusy={revoke.isPending} onClick={handleConfirm}>
              {t('account.revokeYes')}
            </Button>
            <Button ref={cancelRef} variant="ghost" size="sm" onClick={() => setIsConfirming(false)} disabled={revoke.isPending}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={revokeRef} variant="secondary" size="sm" aria-label={t('account.revokeNamed', { name: token.name })} onClick={() => setIsConfirming(true)}>
          {t('account.revoke')}
        </Button>
      )}
    </li>
  );
}

/** Personal API tokens: list, create (the secret is shown once), revoke. */
export function ApiTokensCard() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const announcementRef = useRef<HTMLParagraphElement>(null);

  const form = useForm<CreateTokenValues>({
    resolver: zodResolver(ZCreateApiTokenRequest, zodResolverOptions),
    defaultValues: { name: '' },
  });

  const handleSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setAnnouncement('');
    try {
      setCreated(await create.mutateAsync(values));
      form.reset();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, { fields: ['name'] }));
    }
  });

  function handleRevoked(token: TApiToken) {
    if (created?.id === token.id) setCreated(null);
    setAnnouncement(t('account.revoked', { name: token.name }));
    announcementRef.current?.focus();
  }

  const items = tokens.data?.items ?? [];

  return (
    <Card
      heading={t('account.tokensTitle')}
      actions={tokens.isSuccess ? <span className="muted">{t('account.tokensCount', { count: items.length })}</span> : null}
    >
      <p className="card__lead">{t('account.tokensLead')}</p>

      {created ? <CreatedTokenPanel key={created.id} token={created} onDismiss={() => setCreated(null)} /> : null}

      <form className="form form--inline" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <FormAlert error={formError} />
        <div className="form__row">
          <TextField
            label={t('account.tokenName')}
            hint={t('account.tokenNameHint')}
            autoComplete="off"
            error={form.formState.errors.name?.message}
            hasError={form.formState.errors.name !== undefined}
            className="form__grow"
            {...form.register('name')}
          />
          <Button type="submit" className="form__row-action" isBusy={form.formState.isSubmitting} busyLabel={t('account.creatingToken')}>
            {t('account.createToken')}
          </Button>
        </div>
      </form>

      <p ref={announcementRef} className="visually-hidden-when-empty announcement" role="status" tabIndex={-1}>
        {announcement}
      </p>

      {tokens.isPending ? (
        <p className="muted loading-line">
          <Spinner /> {t('common.loading')}
        </p>
      ) : null}
      {tokens.isError ? (
        <Alert tone="danger" title={t('account.tokensLoadFailed')} live="alert">
          <p>{describeError(t, tokens.error)}</p>
          <Button variant="secondary" size="sm" onClick={() => void tokens.refetch()}>
            {t('account.retry')}
          </Button>
        </Alert>
      ) : null}
      {tokens.isSuccess && items.length === 0 ? <p className="empty-state">{t('account.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="token-list" aria-label={t('account.tokensTitle')}>
          {items.map((token) => (
            <TokenRow key={token.id} token={token} onRevoked={handleRevoked} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
