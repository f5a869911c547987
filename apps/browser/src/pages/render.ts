/** Tiny DOM helpers shared by the test pages: results are shown as text a person (and a test) can read. */

export function definitionList(entries: [label: string, id: string, value: string][]): HTMLDListElement {
  const list = document.createElement("dl");
  for (const [label, id, value] of entries) {
    const term = document.createElement("dt");
    term.textContent = label;
    const detail = document.createElement("dd");
    detail.id = id;
    detail.textContent = value;
    list.append(term, detail);
  }
  return list;
}

export function section(title: string, ...children: Node[]): HTMLElement {
  const element = document.createElement("section");
  const heading = document.createElement("h2");
  heading.textContent = title;
  element.append(heading, ...children);
  return element;
}

/** Replaces the page's content and marks it finished (`data-state` done or error) for the test to await. */
export function finish(state: "done" | "error", ...children: Node[]): void {
  const app = document.getElementById("app");
  if (!app) throw new Error("the page has no #app element");
  app.replaceChildren(...children);
  app.dataset.state = state;
}

export function errorText(error: unknown): Text {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const text = document.createTextNode(message);
  return text;
}
