// Kinds with no structure we can rely on (device ids, "other"): the value is the text as
// written, folded only so that width, spacing and surrounding blanks do not split one value in two.
import type { IdentifierKind, NormalisedIdentifier } from '../../common/model';
import { foldText } from './text';

export function normaliseFreeText(kind: IdentifierKind, raw: string): NormalisedIdentifier | null {
  const value = foldText(raw);
  return value === '' ? null : { kind, value };
}
