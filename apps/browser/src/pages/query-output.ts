// Runs botocore's awsQuery output cases in the browser, where @lanyard/xml-codec's
// `browser` export condition parses with the platform's DOMParser.
import { type CaseOutcome, type OutputSuite, runCase } from "./query-output-cases.js";
import { errorText, finish, section } from "./render.js";

declare global {
  interface Window {
    /** Read by the test with `page.evaluate`. */
    lanyardOutcomes?: CaseOutcome[];
  }
}

function resultsTable(outcomes: CaseOutcome[]): HTMLTableElement {
  const table = document.createElement("table");
  for (const outcome of outcomes) {
    const row = table.insertRow();
    const verdict = row.insertCell();
    verdict.textContent = outcome.pass ? "pass" : "FAIL";
    verdict.className = outcome.pass ? "ok" : "fail";
    row.insertCell().textContent = outcome.name;
    if (outcome.problem) row.insertCell().textContent = outcome.problem;
  }
  return table;
}

async function main(): Promise<void> {
  try {
    const response = await fetch("/output.json");
    const suites = (await response.json()) as OutputSuite[];
    const outcomes = suites.flatMap((suite) => suite.cases.map((testCase) => runCase(suite, testCase)));
    window.lanyardOutcomes = outcomes;
    const passed = outcomes.filter((outcome) => outcome.pass).length;
    const summary = document.createElement("p");
    summary.id = "summary";
    summary.textContent = `${passed} of ${outcomes.length} cases passed (DOMParser: ${typeof DOMParser})`;
    finish("done", section("awsQuery output cases", summary, resultsTable(outcomes)));
  } catch (error) {
    finish("error", section("Failed", errorText(error)));
  }
}

void main();
