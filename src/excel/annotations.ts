/// <reference types="office-js" />
/**
 * Notes (ExcelApi 1.18) and threaded comments (1.10) on a sheet: finding the
 * tool's own (by their marker) and the cells that hold the user's. A cell holds a
 * note or a comment, never both, so both kinds are looked at wherever they exist.
 */
import type { Range } from '../core/grid';
import { API, supports } from './features';
import { isToolNote } from './tool-objects';

export type AnnotationKind = 'notes' | 'comments' | 'none';

/** What the tool writes its messages as on this host. */
export function annotationKind(): AnnotationKind {
  return supports(API.notes) ? 'notes' : supports(API.comments) ? 'comments' : 'none';
}

export interface Annotations {
  notes: Excel.NoteCollection | null;
  comments: Excel.CommentCollection | null;
}

type Annotation = Excel.Note | Excel.Comment;

/** Queues the load of a sheet's notes and comments (content only), where the host has them. */
export function loadAnnotations(ws: Excel.Worksheet): Annotations {
  return {
    notes: supports(API.notes) ? ws.notes.load('items/content') : null,
    comments: supports(API.comments) ? ws.comments.load('items/content') : null,
  };
}

function all(a: Annotations): Annotation[] {
  return [...(a.notes?.items ?? []), ...(a.comments?.items ?? [])];
}

export function toolAnnotations(a: Annotations): Annotation[] {
  return all(a).filter((x) => isToolNote(x.content));
}

/** Queues the location of each of the user's notes and comments; read them after the next sync. */
export function locateUserAnnotations(a: Annotations): Excel.Range[] {
  return all(a).filter((x) => !isToolNote(x.content)).map((x) => x.getLocation().load('rowIndex,columnIndex'));
}

export function userCommentCount(a: Annotations): number {
  return (a.comments?.items ?? []).filter((x) => !isToolNote(x.content)).length;
}

export function cellsOf(ranges: Excel.Range[]): Range[] {
  return ranges.map((r) => ({ r0: r.rowIndex, c0: r.columnIndex, r1: r.rowIndex, c1: r.columnIndex }));
}
