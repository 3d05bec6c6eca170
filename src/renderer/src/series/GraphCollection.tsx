// A collection node clicked in the series network: how many reports (or identifiers) it holds,
// their summed loss, what they all name, and its members — open it to draw them, or choose one.
// Beside the details of a node inside an opened collection: fold it back.

import type { GraphNode } from '../../../common/api';
import { centsToDecimal } from '../../../common/money';
import { useI18n } from '../i18n/I18nContext';
import type { Collection } from './graph-collections';

const MEMBERS_SHOWN = 200;

export interface GraphCollectionProps {
  readonly collection: Collection;
  readonly nodeById: ReadonlyMap<string, GraphNode>;
  readonly onOpen: (id: string) => void;
  /** Opens the collection and selects the member. */
  readonly onMember: (collectionId: string, nodeId: string) => void;
}

function nodeName(node: GraphNode | undefined, id: string): string {
  if (!node) return id;
  return node.type === 'report' ? node.reportId : node.value;
}

export function GraphCollection({ collection, nodeById, onOpen, onMember }: GraphCollectionProps) {
  const { m, fmt } = useI18n();
  const first = nodeById.get(collection.members[0] ?? '');
  const reports = first?.type === 'report';
  const kind = first?.type === 'identifier' ? m[`kind.${first.kind}`] : m['graph.reportNode'];
  return (
    <aside className="graph-details" aria-label={m['graph.details']} aria-live="polite" data-testid="graph-details">
      <h3>{m['graph.collection'](fmt.count(collection.members.length), kind)}</h3>
      <p className="muted small">{m['graph.collectionHint']}</p>
      <dl className="facts">
        {reports ? (
          <div className="fact">
            <dt>{m['graph.collectionLoss']}</dt>
            <dd className="num" data-testid="collection-loss">
              {fmt.money({ amount: centsToDecimal(collection.weight), currency: 'CNY' })}
            </dd>
          </div>
        ) : null}
        <div className="fact">
          <dt>{m['graph.collectionShared']}</dt>
          <dd className="mono break">{collection.neighbours.map((id) => nodeName(nodeById.get(id), id)).join(', ')}</dd>
        </div>
      </dl>
      <p>
        <button type="button" className="button button-small" onClick={() => onOpen(collection.id)}>
          {m['graph.collectionOpen']}
        </button>
      </p>
      <ul className="collection-members" data-testid="collection-members">
        {collection.members.slice(0, MEMBERS_SHOWN).map((id) => (
          <li key={id}>
            <button type="button" className="button-link mono" onClick={() => onMember(collection.id, id)}>
              {nodeName(nodeById.get(id), id)}
            </button>
          </li>
        ))}
      </ul>
      {collection.members.length > MEMBERS_SHOWN ? (
        <p className="muted small">{m['graph.collectionMore'](fmt.count(collection.members.length - MEMBERS_SHOWN))}</p>
      ) : null}
    </aside>
  );
}

/** Above the details of a node drawn because its collection was opened. */
export function FoldBack({ collection, onFold }: { readonly collection: Collection; readonly onFold: (id: string) => void }) {
  const { m, fmt } = useI18n();
  return (
    <p className="small">
      <button type="button" className="button button-small button-quiet" onClick={() => onFold(collection.id)}>
        {m['graph.collectionFold'](fmt.count(collection.members.length))}
      </button>
    </p>
  );
}
