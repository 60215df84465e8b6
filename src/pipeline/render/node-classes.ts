// The classes a renderer can give a node, and how each one looks. The GitHub Action colours the graph
// by job result and the App marks what a pull request changed; both pick from this one closed list, so
// every renderer knows how to draw every class and a class name is always a safe identifier.

export const NODE_CLASSES = [
  // Job results, as the runner and the backend report them.
  "pending",
  "running",
  "succeeded",
  "failed",
  "dependency_failed",
  "skipped",
  "not_requested",
  // What a change did to an action, as the App reports it.
  "added",
  "changed",
  "affected",
  "removed",
] as const;

export type NodeClass = (typeof NODE_CLASSES)[number];

export interface NodeStyle {
  /** Fill and border colours (`#rrggbb`), chosen to stay readable on GitHub's light and dark themes. */
  readonly fill: string;
  readonly stroke: string;
  /** Label colour: always dark, because every fill is light. */
  readonly text: string;
  /** A dashed border marks nodes that did not (or will not) run as part of this graph. */
  readonly dashed: boolean;
}

const TEXT = "#1f2328";

export const NODE_STYLES: Readonly<Record<NodeClass, NodeStyle>> = {
  pending: { fill: "#fff8c5", stroke: "#bf8700", text: TEXT, dashed: false },
  running: { fill: "#ddf4ff", stroke: "#0969da", text: TEXT, dashed: false },
  succeeded: { fill: "#dafbe1", stroke: "#1a7f37", text: TEXT, dashed: false },
  failed: { fill: "#ffebe9", stroke: "#cf222e", text: TEXT, dashed: false },
  dependency_failed: { fill: "#fff1e5", stroke: "#bc4c00", text: TEXT, dashed: true },
  skipped: { fill: "#f6f8fa", stroke: "#8c959f", text: TEXT, dashed: true },
  not_requested: { fill: "#ffffff", stroke: "#d0d7de", text: "#59636e", dashed: true },
  added: { fill: "#dafbe1", stroke: "#1a7f37", text: TEXT, dashed: false },
  changed: { fill: "#fff8c5", stroke: "#9a6700", text: TEXT, dashed: false },
  affected: { fill: "#ddf4ff", stroke: "#0969da", text: TEXT, dashed: true },
  removed: { fill: "#ffebe9", stroke: "#cf222e", text: "#59636e", dashed: true },
};

/** Whether a string is one of the node classes (for classes that arrive from outside, e.g. JSON). */
export function isNodeClass(value: unknown): value is NodeClass {
  return typeof value === "string" && (NODE_CLASSES as readonly string[]).includes(value);
}
