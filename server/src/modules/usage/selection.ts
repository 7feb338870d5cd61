import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { measureByName } from '../../analytics/catalog/measures.js';

/** The field names selected under the current field (fragments followed), e.g. to compute only those measures. */
export function selectedFields(info: GraphQLResolveInfo, under?: string): Set<string> {
  const out = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') out.add(s.name.value);
      else if (s.kind === 'InlineFragment') visit(s.selectionSet);
      else if (s.kind === 'FragmentSpread') visit(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) {
    if (!under) visit(node.selectionSet);
    else for (const child of childFields(node, info, under)) visit(child.selectionSet);
  }
  return out;
}

function childFields(node: FieldNode, info: GraphQLResolveInfo, name: string): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field' && s.name.value === name) found.push(s);
      else if (s.kind === 'InlineFragment') visit(s.selectionSet);
      else if (s.kind === 'FragmentSpread') visit(info.fragments[s.name.value]?.selectionSet);
    }
  };
  visit(node.selectionSet);
  return found;
}

/** The selected fields that are measures. */
export function selectedMeasures(info: GraphQLResolveInfo): string[] {
  return [...selectedFields(info)].filter((f) => measureByName.has(f));
}
