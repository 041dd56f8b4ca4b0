import type { TOffer } from '@reachbridge/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { TextAreaField } from '../../components/field';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { useSendMessage } from './queries';

/** The offer's message thread, oldest first, and a composer under it. */
export function MessagesCard({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  const send = useSendMessage(offer.id);
  const [body, setBody] = useState('');
  const canWrite = offer.viewerRole !== 'admin';

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    send.mutate(body.trim(), { onSuccess: () => setBody('') });
  }

  return (
    <Card heading={t('offers.messages.title')} className="offer-messages">
      {offer.messages.length === 0 ? <p className="muted">{t('offers.messages.empty')}</p> : null}
      <MessageList messages={offer.messages} mine={offer.viewerRole} testId="messages" />
      {canWrite ? (
        <form className="form message-form" onSubmit={handleSubmit}>
          <TextAreaField label={t('offers.messages.write')} rows={3} dir="auto" maxLength={5000} value={body} onChange={(event) => setBody(event.target.value)} />
          {send.isError ? <Alert tone="danger" live="alert" title={describeError(t, send.error)} /> : null}
          <Button type="submit" size="sm" isBusy={send.isPending} busyLabel={t('offers.messages.sending')} disabled={!body.trim()}>
            {t('offers.messages.send')}
          </Button>
        </form>
      ) : null}
    </Card>
  );
}

/** Messages, oldest first; the viewer's own (`mine`) are set apart. Also the admin's read-only view of a disputed offer. */
export function MessageList({ messages, mine, testId }: { messages: TOffer['messages']; mine?: TOffer['viewerRole']; testId: string }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  return (
    <ol className="message-list" aria-live="polite" data-testid={testId}>
      {messages.map((message) => (
        <li key={message.id} className={['message', message.author === mine ? 'message--mine' : ''].filter(Boolean).join(' ')}>
          <p className="message__head">
            <strong>
              <bdi>{message.authorName}</bdi>
            </strong>{' '}
            <span className="muted">{t(`offers.actors.${message.author}`)}</span>{' '}
            <time className="muted" dateTime={message.at}>
              {formatDateTime(message.at)}
            </time>
          </p>
          <p className="message__body" dir="auto">
            {message.body}
          </p>
        </li>
      ))}
    </ol>
  );
}
