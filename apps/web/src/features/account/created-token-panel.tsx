import type { TCreatedApiToken } from '@reachbridge/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';

type CopyState = 'idle' | 'copied' | 'failed';

/** The secret of a token just created: shown once, with a copy button. */
export function CreatedTokenPanel({ token, onDismiss }: { token: TCreatedApiToken; onDismiss: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => panelRef.current?.focus(), []);

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopyState('copied');
    } catch {
      inputRef.current?.select();
      setCopyState('failed');
    }
  }

  return (
    <Alert ref={panelRef} tone="success" title={t('account.createdTitle')} className="created-token">
      <p>{t('account.createdBody')}</p>
      <label className="field__label" htmlFor={inputId}>
        {t('account.secretLabel', { name: token.name })}
      </label>
      <div className="copy-field">
        <input
          ref={inputRef}
          id={inputId}
          className="field__input copy-field__input"
          readOnly
          value={token.token}
          dir="ltr"
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={() => void handleCopy()}>
          {t('account.copy')}
        </Button>
      </div>
      <p className="copy-field__status" role="status">
        {copyState === 'copied' ? t('account.copied') : null}
        {copyState === 'failed' ? t('account.copyFailed') : null}
      </p>
      <Button variant="ghost" size="sm" onClick={onDismiss}>
        {t('account.dismissSecret')}
      </Button>
    </Alert>
  );
}
