/** The teaching-resource library's filters (subject × grade × kind), as static pages: they work without JavaScript. */
import { GRADES, RESOURCE_KINDS, SUBJECTS, type Grade, type ResourceKind, type Subject } from '../../domain/vocabulary';
import type { ResolvedResource } from './content';
import { KIND_SLUGS } from './urls';

export type Filter = { subject?: Subject; grade?: Grade; kind?: ResourceKind };

export function matches(r: ResolvedResource, f: Filter): boolean {
  return (
    (!f.subject || r.subject === f.subject) &&
    (!f.grade || r.grades.includes(f.grade)) &&
    (!f.kind || r.kind === f.kind)
  );
}

/** Every non-empty combination (the unfiltered one is tai-lieu/ itself). */
export function filterCombinations(resources: ResolvedResource[]): Filter[] {
  const list: Filter[] = [];
  for (const subject of [undefined, ...SUBJECTS.map((s) => s.value)])
    for (const grade of [undefined, ...GRADES.map((g) => g.value)])
      for (const kind of [undefined, ...RESOURCE_KINDS.map((k) => k.value)]) {
        if (!subject && !grade && !kind) continue;
        const f = { subject, grade, kind } as Filter;
        if (resources.some((r) => matches(r, f))) list.push(f);
      }
  return list;
}

export function filterParams(f: Filter) {
  return {
    subject: f.subject ?? 'tat-ca',
    grade: f.grade ? `lop-${f.grade}` : 'tat-ca',
    kind: f.kind ? KIND_SLUGS[f.kind] : 'tat-ca',
  };
}
