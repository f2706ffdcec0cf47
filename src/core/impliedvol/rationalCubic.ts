/*
 * Rational cubic interpolation (Delbourgo & Gregory, 1985), as used by Jäckel for the initial guesses of implied vol.
 * On [xLeft, xRight] with values y and slopes d at both ends, and t = (x − xLeft)/h:
 *
 *   S(x) = [yR·t³ + (r·yR − h·dR)·t²(1−t) + (r·yL + h·dL)·t(1−t)² + yL·(1−t)³] / [1 + (r − 3)·t(1−t)]
 *
 * r = 3 is the cubic Hermite; a larger r pulls S towards the chord, which keeps it monotone and convex where the data
 * are. r is chosen to match a second derivative at one end, then raised to the least value that preserves shape.
 * The ends are passed as six numbers, not an object: the solver calls this once per implied vol, in a hot loop.
 */

/** Control parameter r that gives S the second derivative `curvature` at the left end (left) or the right end. */
export function controlForCurvature(
  xLeft: number,
  xRight: number,
  yLeft: number,
  yRight: number,
  slopeLeft: number,
  slopeRight: number,
  curvature: number,
  atLeftEnd: boolean,
): number {
  const h = xRight - xLeft;
  const chordSlope = (yRight - yLeft) / h;
  const denominator = atLeftEnd ? chordSlope - slopeLeft : slopeRight - chordSlope;
  if (denominator === 0) return Number.MAX_VALUE;
  return (0.5 * h * curvature + (slopeRight - slopeLeft)) / denominator;
}

/**
 * The least r for which S keeps the shape of the data: monotone when both slopes have the chord's sign
 * (r ≥ (dL + dR)/Δ), and convex or concave when the chord slope lies between the end slopes
 * (r ≥ (dR − dL)/(Δ − dL) and r ≥ (dR − dL)/(dR − Δ)).
 */
export function minimumShapePreservingControl(xLeft: number, xRight: number, yLeft: number, yRight: number, slopeLeft: number, slopeRight: number): number {
  const chordSlope = (yRight - yLeft) / (xRight - xLeft);
  let minimum = 0;
  const monotone = slopeLeft * chordSlope >= 0 && slopeRight * chordSlope >= 0 && chordSlope !== 0;
  if (monotone) minimum = (slopeLeft + slopeRight) / chordSlope;
  const convex = slopeLeft <= chordSlope && chordSlope <= slopeRight;
  const concave = slopeLeft >= chordSlope && chordSlope >= slopeRight;
  if ((convex || concave) && slopeLeft !== chordSlope && slopeRight !== chordSlope) {
    minimum = Math.max(minimum, (slopeRight - slopeLeft) / (chordSlope - slopeLeft), (slopeRight - slopeLeft) / (slopeRight - chordSlope));
  }
  return Math.max(minimum, 0);
}

/** S(x) for a control parameter r (finite, ≥ 0; Number.MAX_VALUE gives the chord). */
export function rationalCubic(xLeft: number, xRight: number, yLeft: number, yRight: number, slopeLeft: number, slopeRight: number, control: number, x: number): number {
  const h = xRight - xLeft;
  if (!(h > 0)) return 0.5 * (yLeft + yRight);
  const t = (x - xLeft) / h;
  const chord = yLeft + t * (yRight - yLeft);
  if (!(control < Number.MAX_VALUE / 2)) return chord;
  const oneMinusT = 1 - t;
  const numerator =
    yRight * t * t * t +
    (control * yRight - h * slopeRight) * t * t * oneMinusT +
    (control * yLeft + h * slopeLeft) * t * oneMinusT * oneMinusT +
    yLeft * oneMinusT * oneMinusT * oneMinusT;
  const value = numerator / (1 + (control - 3) * t * oneMinusT);
  return Number.isFinite(value) ? value : chord;
}

/** S with r matched to `curvature` at the chosen end, raised to keep the data's shape. */
export function shapePreservingRationalCubic(
  xLeft: number,
  xRight: number,
  yLeft: number,
  yRight: number,
  slopeLeft: number,
  slopeRight: number,
  curvature: number,
  atLeftEnd: boolean,
  x: number,
): number {
  const matched = controlForCurvature(xLeft, xRight, yLeft, yRight, slopeLeft, slopeRight, curvature, atLeftEnd);
  const control = Math.max(Number.isFinite(matched) ? matched : Number.MAX_VALUE, minimumShapePreservingControl(xLeft, xRight, yLeft, yRight, slopeLeft, slopeRight));
  return rationalCubic(xLeft, xRight, yLeft, yRight, slopeLeft, slopeRight, control, x);
}
