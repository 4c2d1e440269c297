// The clinical knowledge the server decides with (GET /api/v1/knowledge): its
// regions with their names and sides, the intake's vocabularies, techniques,
// red-flag questions and questionnaires. Fetched once per page load and shared
// by every screen, so no screen keeps its own copy of a list the server owns.
import { get, type Knowledge, type KnowledgeRegion } from './api';

let loading: Promise<Knowledge> | null = null;

/** The knowledge, fetched on first use; a failed fetch is tried again next time. */
export function loadKnowledge(): Promise<Knowledge> {
  if (!loading) {
    loading = get<Knowledge>('/api/v1/knowledge').catch((error: unknown) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

/** A region's name as it reads inside a sentence ("right back of thigh"). */
export function regionName(regions: KnowledgeRegion[], id: string): string {
  const label = regions.find((r) => r.id === id)?.label;
  return label ? label.toLowerCase() : id.replace(/_/g, ' ');
}

/** The sides a region has: only a midline structure offers "midline". An id
 * the knowledge does not know offers every side, and the server names it. */
export function sidesOf(knowledge: Pick<Knowledge, 'regions' | 'vocabularies'>, region: string): string[] {
  return knowledge.regions.find((r) => r.id === region)?.sides ?? knowledge.vocabularies.sides;
}
