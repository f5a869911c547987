import { type Contender, compare } from "./measure.js";
import { errorMessage, type Row, type SuiteContext } from "./suite.js";

/** Sets a contender up and runs it once; a failure becomes an error row instead of ending the suite. */
export async function tryContender(
  name: string,
  make: () => Contender | Promise<Contender>,
): Promise<Contender | Row> {
  try {
    const contender = await make();
    await contender.run();
    return contender;
  } catch (error) {
    return { name, value: Number.NaN, error: errorMessage(error) };
  }
}

/** Side by side over whichever contenders could be set up; the rest become error rows. */
export async function compareOrReport(attempts: (Contender | Row)[], context: SuiteContext): Promise<Row[]> {
  const contenders = attempts.filter((attempt): attempt is Contender => "run" in attempt);
  const results = await compare(contenders, context.timing);
  return attempts.map((attempt) => {
    if (!("run" in attempt)) return attempt;
    const result = results.find((r) => r.name === attempt.name)!;
    return { name: result.name, value: result.opsPerSec, samples: result.rounds };
  });
}
