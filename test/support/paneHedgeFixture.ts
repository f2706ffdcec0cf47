/*
 * The small book both the pane's controller test and its browser test hedge: a valid BTC/ETH/SOL set-up (vol-of-vols
 * 3, 4, 5) and per-leg vegas netting to BTC +1,000, ETH −500, SOL +2,500; the expected hedge is the engine's on this
 * input, so the pane is held to computeProxyHedge itself.
 */
import type { ProxyHedgeInput } from "../../src/core/hedge";

/** The valid set-up as a labelled range (names in the first row and column), as XV_CORR lays it out. */
export const VALID_LABELLED_CORRELATIONS: (string | number)[][] = [
  ["", "BTC", "ETH", "SOL"],
  ["BTC", 1, 0.8, 0.6],
  ["ETH", 0.8, 1, 0.7],
  ["SOL", 0.6, 0.7, 1],
];

/** The engine input for that set-up and book, netted by asset, BTC and ETH as proxies. */
export const SAMPLE_HEDGE_INPUT: ProxyHedgeInput = {
  targets: [
    { asset: "BTC", vegaPerVolPoint: 1000 },
    { asset: "ETH", vegaPerVolPoint: -500 },
    { asset: "SOL", vegaPerVolPoint: 2500 },
  ],
  proxies: ["BTC", "ETH"],
  correlation: { assets: ["BTC", "ETH", "SOL"], values: [[1, 0.8, 0.6], [0.8, 1, 0.7], [0.6, 0.7, 1]] },
  volOfVols: [
    { asset: "BTC", value: 3 },
    { asset: "ETH", value: 4 },
    { asset: "SOL", value: 5 },
  ],
};
