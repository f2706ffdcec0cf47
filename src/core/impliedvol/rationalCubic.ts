/*
 * Rational cubic interpolation (Delbourgo & Gregory, 1985), as used by Jäckel for the initial guesses of implied vol.
 * On [xLeft, xRight] with values y and slopes d at both ends, and t = (x − xLeft)/h:
 *
 *   S(x) = [yR·t³ + (r·yR − h·dR)·t²(1−t) + (r·yL + h·dL)·t(1−t)² + yL·(1−t)³] / [1 + (r − 3)·t(1−t)]
 *
 * r = 3 is the cubic Hermite; a larger r pulls S towards the chord, which keeps it monotone and convex where the data
 * are. r is chosen to match a second derivative at one end, then raised to the least value that preserves shape.
 */

export interface RationalCubicEnds {
  xLeft: number;
  xRight: number;
  yLeft: number;
  yRight: number;
  slopeLeft: number;
  slopeRight: number;
}

/** Control parameter r that gives S the second derivative `curvature` at the left end. */
export function controlForLeftCurvature(ends: RationalCubicEnds, curvature: number): number {
  const h = ends.xRight - ends.xLeft;
  const chordSlope = (ends.yRight - ends.yLeft) / h;
  const denominator = chordSlope - ends.slopeLeft;
  if (denominator === 0) return Number.MAX_VALUE;
  return (0.5 * h * curvature + (ends.slopeRight - ends.slopeLeft)) / denominator;
}

/** Control parameter r that gives S the second derivative `curvature` at the right end. */
export function controlForRightCurvature(ends: RationalCubicEnds, curvature: number): number {
  const h = ends.xRight - ends.xLeft;
  const chordSlope = (ends.yRight - ends.yLeft) / h;
  const denominator = ends.slopeRight - chordSlope;
  if (denominator === 0) return Number.MAX_VALUE;
  return (0.5 * h * curvature + (ends.slopeRight - ends.slopeLeft)) / denominator;
}

/**
 * The least r for which S keeps the shape of the data: monotone when both slopes have the chord's sign
 * (r ≥ (dL + dR)/Δ), and convex or concave when the chord slope lies between the end slopes
 * (r ≥ (dR − dL)/(Δ − dL) and r ≥ (dR − dL)/(dR − Δ)).
 */
export function minimumShapePreservingControl(ends: RationalCubicEnds): number {
  const h = ends.xRight - ends.xLeft;
  const chordSlope = (ends.yRight - ends.yLeft) / h;
  const { slopeLeft, slopeRight } = ends;
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
export function rationalCubic(ends: RationalCubicEnds, control: number, x: number): number {
  const h = ends.xRight - ends.xLeft;
  if (!(h > 0)) return 0.5 * (ends.yLeft + ends.yRight);
  const t = (x - ends.xLeft) / h;
  const chord = ends.yLeft + t * (ends.yRight - ends.yLeft);
  if (!(control < Number.MAX_VALUE / 2)) return chord;
  const oneMinusT = 1 - t;
  const numerator =
    ends.yRight * t * t * t +
    (control * ends.yRight - h * ends.slopeRight) * t * t * oneMinusT +
    (control * ends.yLeft + h * ends.slopeLeft) * t * oneMinusT * oneMinusT +
    ends.yLeft * oneMinusT * oneMinusT * oneMinusT;
  const value = numerator / (1 + (control - 3) * t * oneMinusT);
  return Number.isFinite(value) ? value : chord;
}

/** S with r matched to `curvature` at the chosen end, raised to keep the data's shape. */
export function shapePreservingRationalCubic(ends: RationalCubicEnds, curvature: number, atLeftEnd: boolean, x: number): number {
  const matched = atLeftEnd ? controlForLeftCurvature(ends, curvature) : controlForRightCurvature(ends, curvature);
  const control = Math.max(Number.isFinite(matched) ? matched : Number.MAX_VALUE, minimumShapePreservingControl(ends));
  return rationalCubic(ends, control, x);
}
