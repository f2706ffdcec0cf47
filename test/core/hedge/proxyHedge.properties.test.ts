import fc from "fast-check";
import { CholeskyDecomposition, Matrix, solve } from "ml-matrix";
import { computeProxyHedge } from "../../../src/core/hedge/proxyHedge";
import type { ProxyHedgeInput } from "../../../src/core/hedge/hedgeTypes";
import { correlationMatrixArbitrary, seededNormal, seededUniform } from "../correlation/matrixTestUtils";
import { expectClose } from "../tolerance";

/** A random hedge problem over assets A0…A(n−1): the first `targetCount` are targets, the last `proxyCount` proxies (they may overlap). */
interface Problem {
  names: string[];
  correlation: number[][];
  volOfVols: number[];
  vegas: number[];
  proxies: number[];
}

const problemArbitrary: fc.Arbitrary<Problem> = fc
  .record({ size: fc.integer({ min: 2, max: 6 }), proxyCount: fc.integer({ min: 1, max: 3 }) })
  .chain(({ size, proxyCount }) =>
    fc.record({
      correlation: correlationMatrixArbitrary(size, 0.1),
      volOfVols: fc.array(fc.double({ min: 0.2, max: 5, noNaN: true }), { minLength: size, maxLength: size }),
      vegas: fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: size, maxLength: size }),
      proxies: fc.shuffledSubarray([...Array(size).keys()], { minLength: Math.min(proxyCount, size), maxLength: Math.min(proxyCount, size) }),
    }),
  )
  .map((drawn) => ({ ...drawn, names: drawn.vegas.map((_, i) => `A${i}`) }));

function inputOf(problem: Problem, ridge = 0): ProxyHedgeInput {
  return {
    targets: problem.names.map((asset, i) => ({ asset, vegaPerVolPoint: problem.vegas[i] ?? 0 })),
    proxies: problem.proxies.map((i) => problem.names[i] ?? ""),
    correlation: { assets: problem.names, values: problem.correlation },
    volOfVols: problem.names.map((asset, i) => ({ asset, value: problem.volOfVols[i] ?? 0 })),
    ridge,
  };
}

/** Σ = diag(s)·R·diag(s), built here independently of the engine. */
function covarianceOf(problem: Problem): Matrix {
  const s = problem.volOfVols;
  return new Matrix(problem.correlation.map((row, i) => row.map((rho, j) => rho * (s[i] ?? 0) * (s[j] ?? 0))));
}

/** Variance of the daily P&L with hedge vegas `hedge` added on the proxies. */
function varianceWith(problem: Problem, hedge: readonly number[]): number {
  const weights = [...problem.vegas];
  problem.proxies.forEach((index, a) => (weights[index] = (weights[index] ?? 0) + (hedge[a] ?? 0)));
  const w = Matrix.columnVector(weights);
  return w.transpose().mmul(covarianceOf(problem)).mmul(w).get(0, 0);
}

const hedgeOf = (problem: Problem, ridge = 0) => computeProxyHedge(inputOf(problem, ridge)).proxies.map((line) => line.hedgeVegaPerVolPoint);
const scaleOf = (problem: Problem) => 1 + problem.vegas.reduce((sum, vega) => sum + Math.abs(vega), 0) * Math.max(...problem.volOfVols);

describe("computeProxyHedge: properties", () => {
  test("effectiveness lies in [0, 1], with or without a ridge", () => {
    fc.assert(
      fc.property(problemArbitrary, fc.double({ min: 0, max: 2, noNaN: true }), (problem, ridge) => {
        const { effectiveness } = computeProxyHedge(inputOf(problem, ridge));
        expect(effectiveness).toBeGreaterThanOrEqual(0);
        expect(effectiveness).toBeLessThanOrEqual(1);
      }),
    );
  });

  test("independent route: h equals the SVD solution of the normal equations built from R and s", () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const covariance = covarianceOf(problem);
        const proxyBlock = covariance.selection(problem.proxies, problem.proxies);
        const rightHandSide = covariance.selection(problem.proxies, [...problem.vegas.keys()]).mmul(Matrix.columnVector(problem.vegas));
        const reference = solve(proxyBlock, rightHandSide, true).getColumn(0).map((value) => -value);
        const hedge = hedgeOf(problem);
        reference.forEach((expected, a) => expectClose(hedge[a] ?? Number.NaN, expected, { absolute: 1e-9 * scaleOf(problem), relative: 1e-8 }, `proxy ${a}`));
      }),
    );
  });

  test("the residual variance is a minimum: perturbing the hedge in any direction raises it", () => {
    fc.assert(
      fc.property(problemArbitrary, fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (problem, direction, size) => {
        const result = computeProxyHedge(inputOf(problem));
        const hedge = result.proxies.map((line) => line.hedgeVegaPerVolPoint);
        const best = varianceWith(problem, hedge);
        expectClose(result.residualPnlStandardDeviation ** 2, Math.max(best, 0), { absolute: 1e-9 * scaleOf(problem) ** 2, relative: 1e-9 });
        const perturbed = hedge.map((vega, a) => vega + size * (direction[a] ?? 0));
        expect(varianceWith(problem, perturbed)).toBeGreaterThanOrEqual(best - 1e-9 * scaleOf(problem) ** 2);
      }),
    );
  });

  test("one proxy: the hedge is the vol beta −ρ·s_t/s_p·v and effectiveness is ρ²", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.99, max: 0.99, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((vega) => Math.abs(vega) > 1e-3),
        (rho, targetVolOfVol, proxyVolOfVol, vega) => {
          const result = computeProxyHedge({
            targets: [{ asset: "ALT", vegaPerVolPoint: vega }],
            proxies: ["BTC"],
            correlation: { assets: ["BTC", "ALT"], values: [[1, rho], [rho, 1]] },
            volOfVols: [{ asset: "ALT", value: targetVolOfVol }, { asset: "BTC", value: proxyVolOfVol }],
          });
          expectClose(result.proxies[0]?.hedgeVegaPerVolPoint ?? Number.NaN, (-rho * targetVolOfVol * vega) / proxyVolOfVol, { absolute: 1e-9, relative: 1e-12 });
          expectClose(result.effectiveness, rho * rho, { absolute: 1e-12 });
        },
      ),
    );
  });

  test("adding an uncorrelated asset with zero vega (as a target, or as an extra proxy) changes nothing", () => {
    fc.assert(
      fc.property(problemArbitrary, fc.boolean(), (problem, asProxy) => {
        const base = computeProxyHedge(inputOf(problem));
        const size = problem.names.length;
        const extended: Problem = {
          names: [...problem.names, "UNCORRELATED"],
          correlation: [...problem.correlation.map((row) => [...row, 0]), [...new Array<number>(size).fill(0), 1]],
          volOfVols: [...problem.volOfVols, 1.7],
          vegas: [...problem.vegas, 0],
          proxies: asProxy ? [...problem.proxies, size] : problem.proxies,
        };
        const result = computeProxyHedge(inputOf(extended));
        const tolerance = { absolute: 1e-9 * scaleOf(problem), relative: 1e-9 };
        base.proxies.forEach((line, a) => expectClose(result.proxies[a]?.hedgeVegaPerVolPoint ?? Number.NaN, line.hedgeVegaPerVolPoint, tolerance));
        if (asProxy) expectClose(result.proxies[problem.proxies.length]?.hedgeVegaPerVolPoint ?? Number.NaN, 0, tolerance);
        expectClose(result.residualPnlStandardDeviation, base.residualPnlStandardDeviation, tolerance);
        expectClose(result.unhedgedPnlStandardDeviation, base.unhedgedPnlStandardDeviation, tolerance);
      }),
    );
  });

  test("netting by name (case and whitespace) equals pre-netted input", () => {
    const spelling = fc.constantFrom((name: string) => name, (name: string) => name.toLowerCase(), (name: string) => ` ${name} `, (name: string) => `${name.toLowerCase()}\t`);
    fc.assert(
      fc.property(problemArbitrary, fc.array(fc.tuple(fc.nat(), fc.double({ min: -5e4, max: 5e4, noNaN: true }), spelling), { maxLength: 8 }), (problem, extraLegs) => {
        const netted = computeProxyHedge(inputOf(problem));
        // Split: the original rows, plus pairs of legs (+x on one spelling, −x on another) that cancel within an asset.
        const legs = [...inputOf(problem).targets];
        for (const [pick, amount, spell] of extraLegs) {
          const name = problem.names[pick % problem.names.length] ?? "A0";
          legs.push({ asset: spell(name), vegaPerVolPoint: amount }, { asset: name.toLowerCase(), vegaPerVolPoint: -amount });
        }
        const split = computeProxyHedge({ ...inputOf(problem), targets: legs });
        const tolerance = { absolute: 1e-7 * scaleOf(problem), relative: 1e-9 };
        netted.proxies.forEach((line, a) => expectClose(split.proxies[a]?.hedgeVegaPerVolPoint ?? Number.NaN, line.hedgeVegaPerVolPoint, tolerance));
        expect(split.targets.map((target) => target.asset)).toEqual(problem.names);
        netted.targets.forEach((target, i) => expectClose(split.targets[i]?.vegaPerVolPoint ?? Number.NaN, target.vegaPerVolPoint, { absolute: 1e-6 }));
      }),
    );
  });

  test("proxy order only permutes the result", () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const forward = hedgeOf(problem);
        const backward = hedgeOf({ ...problem, proxies: [...problem.proxies].reverse() }).reverse();
        forward.forEach((vega, a) => expectClose(backward[a] ?? Number.NaN, vega, { absolute: 1e-9 * scaleOf(problem), relative: 1e-9 }));
      }),
    );
  });
});

describe("computeProxyHedge: brute-force oracle", () => {
  test("h matches a least-squares regression of simulated target P&L on simulated proxy vol moves", () => {
    // DOMAIN.md worked example with BTC + ETH. Draw Δσ ~ N(0, Σ) through a Cholesky factor, regress y = vᵀΔσ on
    // (Δσ_BTC, Δσ_ETH) without intercept; the hedge is minus the coefficients. Seeded, so deterministic.
    const s = [3, 2, 2.5];
    const rho = [
      [1, 0.8, 0.85],
      [0.8, 1, 0.9],
      [0.85, 0.9, 1],
    ];
    const sigma = new Matrix(rho.map((row, i) => row.map((value, j) => value * (s[i] ?? 0) * (s[j] ?? 0))));
    const factor = new CholeskyDecomposition(sigma).lowerTriangularMatrix;
    const normal = seededNormal(seededUniform(20240611));
    const draws = 40000;
    const x = new Matrix(draws, 2);
    const y = new Matrix(draws, 1);
    for (let t = 0; t < draws; t++) {
      const moves = factor.mmul(Matrix.columnVector([normal(), normal(), normal()]));
      x.set(t, 0, moves.get(1, 0));
      x.set(t, 1, moves.get(2, 0));
      y.set(t, 0, 10000 * moves.get(0, 0));
    }
    const xtx = x.transpose().mmul(x);
    const coefficients = solve(xtx, x.transpose().mmul(y));
    const residuals = y.sub(x.mmul(coefficients));
    const residualVariance = residuals.transpose().mmul(residuals).get(0, 0) / (draws - 2);
    const standardErrors = solve(xtx, Matrix.eye(2)).diag().map((value) => Math.sqrt(value * residualVariance));

    const result = computeProxyHedge({
      targets: [{ asset: "ALT", vegaPerVolPoint: 10000 }],
      proxies: ["BTC", "ETH"],
      correlation: { assets: ["ALT", "BTC", "ETH"], values: rho },
      volOfVols: [{ asset: "ALT", value: 3 }, { asset: "BTC", value: 2 }, { asset: "ETH", value: 2.5 }],
    });
    result.proxies.forEach((line, a) => {
      const estimate = -coefficients.get(a, 0);
      expect(Math.abs(line.hedgeVegaPerVolPoint - estimate)).toBeLessThan(4 * (standardErrors[a] ?? 0));
    });
    // And the sample residual sd is close to the reported one (within 2% at 40,000 draws).
    expectClose(Math.sqrt(residualVariance), result.residualPnlStandardDeviation, { relative: 0.02 });
  });
});
