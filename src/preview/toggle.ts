/**
 * Choosing a quote by clicking: turns "put q-3f2a on the slides" into an
 * edit of the front matter's `deck.quotes` (or `cards.quotes`). A list the
 * user wrote stays theirs: an item is added at its end or the items naming
 * the quote are taken out, the others (fragments, comments) untouched. A
 * value that is not a list (`auto`, absent, `{ auto: 6 }`) becomes the list
 * of what it selects now, with the change made.
 */
import { type Document, isNode, isSeq, type Node } from "yaml";
import type { QuoteSelector } from "../config/model.js";

export type QuoteList = "deck" | "cards";

export interface ToggleRequest {
  list: QuoteList;
  id: string;
  on: boolean;
}

/** What the toggle needs to know of the talk, from the build's own reading of it. */
export interface PickView {
  /** The id of the quote a selector as written in the YAML names; undefined when it names none. */
  resolve(selector: unknown): string | undefined;
  /** The ids each list selects now, in their order (cards `auto` is the deck's). */
  selected: Record<QuoteList, readonly string[]>;
  /** What to write to choose a quote: its id, or its text when the id is not one a later build knows. */
  selectorFor(id: string): QuoteSelector;
}

/** The plain value of a list item, as the settings read it. */
function itemValue(item: unknown): unknown {
  return isNode(item) ? item.toJSON() : item;
}

/** A value node that keeps the comment of the one it replaces (`quotes: auto  # …`). */
function replacing(document: Document, old: unknown, value: unknown): Node {
  const node = document.createNode(value);
  if (isSeq(node)) node.flow = true;
  if (isNode(old)) {
    node.comment = old.comment;
    node.commentBefore = old.commentBefore;
  }
  return node;
}

/** Applies one toggle to the front matter document; returns false when it changes nothing. */
export function toggleQuote(document: Document, request: ToggleRequest, view: PickView): boolean {
  const path = [request.list, "quotes"];
  const node = document.getIn(path, true);
  if (isSeq(node)) {
    const naming = node.items.filter((item) => view.resolve(itemValue(item)) === request.id);
    if (request.on) {
      if (naming.length > 0) return false;
      node.add(document.createNode(view.selectorFor(request.id)));
      return true;
    }
    if (naming.length === 0) return false;
    node.items = node.items.filter((item) => !naming.includes(item));
    // An empty list is not valid front matter: no quotes is `none`.
    if (node.items.length === 0) document.setIn(path, replacing(document, node, "none"));
    return true;
  }
  const current = view.selected[request.list];
  const has = current.includes(request.id);
  if (has === request.on) return false;
  const ids = request.on ? [...current, request.id] : current.filter((id) => id !== request.id);
  const value = ids.length === 0 ? "none" : ids.map((id) => view.selectorFor(id));
  document.setIn(path, replacing(document, node, value));
  return true;
}
