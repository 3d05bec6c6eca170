// What the fraudster sent: SMS texts, chat lines, call notes.

import type { ReportMessage } from '../../../common/model';
import { useI18n } from '../i18n/I18nContext';

export function MessageList({ messages }: { readonly messages: readonly ReportMessage[] }) {
  const { m, fmt } = useI18n();
  return (
    <section className="panel" aria-labelledby="messages-heading">
      <h2 id="messages-heading">{m['detail.messages']}</h2>
      {messages.length === 0 ? (
        <p className="muted">{m['detail.messagesNone']}</p>
      ) : (
        <ol className="messages">
          {messages.map((message, index) => (
            <li key={index} className="message">
              <dl className="message-meta">
                <div>
                  <dt>{m['msg.channel']}</dt>
                  <dd>{m[`channel.${message.channel}`]}</dd>
                </div>
                {message.sender ? (
                  <div>
                    <dt>{m['msg.sender']}</dt>
                    <dd className="mono">{message.sender}</dd>
                  </div>
                ) : null}
                {message.at ? (
                  <div>
                    <dt>{m['msg.at']}</dt>
                    <dd>{fmt.dateTime(message.at)}</dd>
                  </div>
                ) : null}
              </dl>
              <p className="message-text">{message.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
