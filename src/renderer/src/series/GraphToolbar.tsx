// The series network's tools: layout, fit and zoom, centrality, collapsing what was expanded,
// and the legend whose identifier kinds the investigator hides and shows.

import type { IdentifierKind } from '../../../common/model';
import { useI18n } from '../i18n/I18nContext';
import { useSettings } from '../settings/SettingsContext';
import { LAYOUTS, type LayoutName } from './graph-layout';
import { KIND_LOOK, reportColour, shapePath } from './graph-style';
import type { Centrality } from './use-centrality';

export interface GraphToolbarProps {
  readonly layout: LayoutName;
  readonly onLayout: (layout: LayoutName) => void;
  readonly onFit: () => void;
  readonly onZoom: (factor: number) => void;
  readonly centrality: Centrality;
  readonly onCentrality: (centrality: Centrality) => void;
  /** Whether any node was expanded (then "collapse all" shows). */
  readonly expanded: boolean;
  readonly onCollapseAll: () => void;
  /** Whether same-neighbour nodes fold into collections. */
  readonly folding: boolean;
  readonly onFolding: (on: boolean) => void;
  /** How many collections are open (then "fold all back" shows). */
  readonly openCollections: number;
  readonly onFoldAll: () => void;
}

export function GraphToolbar(props: GraphToolbarProps) {
  const { layout, onLayout, onFit, onZoom, centrality, onCentrality, expanded, onCollapseAll } = props;
  const { m, fmt } = useI18n();
  return (
    <div className="graph-toolbar" role="toolbar" aria-label={m['graph.tools']}>
      <label className="field field-inline">
        <span className="field-label">{m['graph.layout']}</span>
        <select
          className="input"
          value={layout}
          onChange={(e) => {
            onLayout(e.target.value as LayoutName);
          }}
        >
          {LAYOUTS.map((name) => (
            <option key={name} value={name}>
              {m[`graph.layout.${name}`]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button-small" onClick={onFit}>
        {m['graph.fit']}
      </button>
      <button type="button" className="button button-small" aria-label={m['graph.zoomIn']} onClick={() => onZoom(1.25)}>
        +
      </button>
      <button type="button" className="button button-small" aria-label={m['graph.zoomOut']} onClick={() => onZoom(0.8)}>
        −
      </button>
      <label className="field field-inline">
        <span className="field-label">{m['graph.centrality']}</span>
        <select className="input" value={centrality} onChange={(e) => onCentrality(e.target.value as Centrality)}>
          <option value="none">{m['graph.centrality.none']}</option>
          <option value="degree">{m['graph.centrality.degree']}</option>
          <option value="betweenness">{m['graph.centrality.betweenness']}</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={props.folding} onChange={(e) => props.onFolding(e.target.checked)} />
        <span>{m['graph.folding']}</span>
      </label>
      {props.openCollections > 0 ? (
        <button type="button" className="button button-small button-quiet" onClick={props.onFoldAll}>
          {m['graph.foldAll'](fmt.count(props.openCollections))}
        </button>
      ) : null}
      {expanded ? (
        <button type="button" className="button button-small button-quiet" onClick={onCollapseAll}>
          {m['graph.collapseAll']}
        </button>
      ) : null}
    </div>
  );
}

export interface GraphKindsProps {
  readonly kinds: readonly { readonly kind: IdentifierKind; readonly count: number }[];
  readonly hidden: ReadonlySet<IdentifierKind>;
  readonly onHidden: (update: (current: ReadonlySet<IdentifierKind>) => ReadonlySet<IdentifierKind>) => void;
}

export function GraphKinds({ kinds, hidden, onHidden }: GraphKindsProps) {
  const { m, fmt } = useI18n();
  const theme = useSettings().settings.theme;
  return (
    <fieldset className="graph-kinds">
      <legend>{m['graph.kinds']}</legend>
      <span className="graph-kind graph-kind-report">
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <rect x="3" y="5" width="18" height="14" rx="4" fill={reportColour(theme)} />
        </svg>
        {m['graph.reportNode']}
      </span>
      {kinds.map(({ kind, count }) => (
        <label key={kind} className="graph-kind check">
          <input
            type="checkbox"
            checked={!hidden.has(kind)}
            onChange={(e) =>
              onHidden((current) => {
                const next = new Set(current);
                if (e.target.checked) next.delete(kind);
                else next.add(kind);
                return next;
              })
            }
          />
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
            <path d={shapePath(KIND_LOOK[kind].shape)} fill={KIND_LOOK[kind].colour} />
          </svg>
          {m[`kind.${kind}`]} <span className="muted num">({fmt.count(count)})</span>
        </label>
      ))}
      <span className="graph-kind muted small">{m['graph.legendHub']}</span>
    </fieldset>
  );
}
