// A list of suggestions as the API ranks them, the queue's and the series workspace's. A row
// decided here keeps its place and shows its decision with Revoke (suggestion-rows.ts), until the
// list is left or its filter changes (the parent's key).

import { useCallback, useState } from 'react';
import type { Suggestion } from '../../../common/api';
import type { Money } from '../../../common/model';
import { useI18n } from '../i18n/I18nContext';
import { SuggestionCard } from './SuggestionCard';
import { shownRows, type DecidedHere } from './suggestion-rows';

export interface SuggestionListProps {
  readonly rows: readonly Suggestion[];
  /** The status the rows were asked for. */
  readonly status: Suggestion['status'];
  readonly threshold: Money;
  readonly headingLevel: 2 | 3;
}

export function SuggestionList({ rows, status, threshold, headingLevel }: SuggestionListProps) {
  const { m } = useI18n();
  const [decided, setDecided] = useState<ReadonlyMap<string, DecidedHere>>(new Map());
  const shown = shownRows(rows, decided);
  const onDecided = useCallback(
    (next: Suggestion, done: string) =>
      setDecided((before) => {
        const index = Math.max(
          0,
          shown.findIndex((r) => r.id === next.id),
        );
        return new Map(before).set(next.id, { row: next, index, done });
      }),
    [shown],
  );
  return (
    <ol className="suggestion-list" aria-label={m['suggestions.list']} data-testid="suggestion-list">
      {shown.map((s) => (
        <SuggestionCard
          key={s.id}
          suggestion={s}
          listStatus={status}
          threshold={threshold}
          headingLevel={headingLevel}
          done={decided.get(s.id)?.done ?? null}
          onDecided={onDecided}
        />
      ))}
    </ol>
  );
}
