// Adding a feed: base URL, precinct code and token (a password field), each checked with a
// sentence saying what is wrong before anything is sent.

import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { FormField } from '../app/FormField';
import { useApi } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';
import type { TextKey } from '../i18n/messages';
import { precinctProblem, tokenProblem, urlProblem } from './source-validation';

export function AddSourceForm() {
  const { m } = useI18n();
  const api = useApi();
  const id = useId();
  const [url, setUrl] = useState('');
  const [precinct, setPrecinct] = useState('');
  const [token, setToken] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const problems = { url: urlProblem(url), precinct: precinctProblem(precinct), token: tokenProblem(token) };
  const shown = (p: TextKey | null): TextKey | null => (checked ? p : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    setError(null);
    if (problems.url || problems.precinct || problems.token) return;
    setBusy(true);
    const result = await api.call('sources.add', { url: url.trim(), precinct, token });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setUrl('');
    setPrecinct('');
    setToken('');
    setChecked(false);
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['sources.addTitle']}</h2>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormField
          id={`${id}-url`}
          label="sources.url"
          hint="sources.urlHint"
          type="url"
          value={url}
          problem={shown(problems.url)}
          onChange={setUrl}
        />
        <FormField
          id={`${id}-precinct`}
          label="sources.precinct"
          hint="sources.precinctHint"
          value={precinct}
          problem={shown(problems.precinct)}
          onChange={setPrecinct}
        />
        <FormField
          id={`${id}-token`}
          label="sources.token"
          hint="sources.tokenHint"
          type="password"
          value={token}
          problem={shown(problems.token)}
          onChange={setToken}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? m['sources.adding'] : m['sources.add']}
          </button>
        </div>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </section>
  );
}
