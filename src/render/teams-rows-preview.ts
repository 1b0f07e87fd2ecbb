import type { FactSet } from './adaptive-card';
import { escapeTeamsMarkdown } from './escape-teams-markdown';
import type { PreviewTable } from './tabulate-preview';

/**
 * Raw PBX rows for a card, each row a FactSet of field and value with a line between rows: a
 * table of six raw fields (ids, timestamps) would be cut in a chat's width, facts wrap instead.
 * Field names and values come from the PBX, so both are made Markdown-safe.
 */
export function previewFactSets(preview: PreviewTable): FactSet[] {
  return preview.cells.map((cells, rowIndex) => ({
    type: 'FactSet',
    ...(rowIndex > 0 ? { separator: true } : {}),
    facts: preview.columns.map((column, index) => ({
      title: escapeTeamsMarkdown(column),
      value: escapeTeamsMarkdown(cells[index] ?? ''),
    })),
  }));
}
