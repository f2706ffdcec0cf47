;; The α×β part of the Newton Jacobian's product (jacobianCrossTerms.ts, addCrossTermsOfFour) in WebAssembly with
;; 128-bit SIMD: out += 2·Σ_a p_a ∘ Σ_b Ω_ab·(p_aᵀ·diag(h)·p_b)·p_b, four positive eigenvectors a at a time.
;; Assembled by scripts/build-wasm.js into jacobianKernelsBinary.ts; loaded by wasmKernels.ts. Every sum is taken in
;; the TypeScript's order with the same operations (no fused multiply-adds): the same bits.
;;
;; Layout (byte addresses): eigenvector k at vectors + k·rowBytes (rowBytes = 8·size); the non-positive ones first
;; (b < negativeCount), the four positive ones at p0 … p3. pairs: for even b, (p_b[k], p_(b+1)[k]) at
;; pairs + (b/2)·2·rowBytes + 16·k. weights: Ω_tb at w_t + 8·b. scratch: the products q_t = p_t ∘ h (4 rows of size)
;; then the coefficients C_tb (4 rows of negativeCount).
(module
  (import "kernel" "memory" (memory 1))

  (func (export "crossTermsOfFour")
    (param $vectors i32) (param $size i32) (param $negativeCount i32)
    (param $p0 i32) (param $w0 i32) (param $h i32) (param $out i32) (param $scratch i32) (param $pairs i32)
    (local $rowBytes i32) (local $negativeBytes i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $w1 i32) (local $w2 i32) (local $w3 i32)
    (local $q0 i32) (local $q1 i32) (local $q2 i32) (local $q3 i32)
    (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $k i32) (local $b i32) (local $pair i32) (local $column i32) (local $evenBytes i32)
    (local $hk f64) (local $u f64) (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64)
    (local $x v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $cross v128)
    (local.set $rowBytes (i32.shl (local.get $size) (i32.const 3)))
    (local.set $negativeBytes (i32.shl (local.get $negativeCount) (i32.const 3)))
    (local.set $p1 (i32.add (local.get $p0) (local.get $rowBytes)))
    (local.set $p2 (i32.add (local.get $p1) (local.get $rowBytes)))
    (local.set $p3 (i32.add (local.get $p2) (local.get $rowBytes)))
    (local.set $w1 (i32.add (local.get $w0) (local.get $negativeBytes)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $negativeBytes)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $negativeBytes)))
    (local.set $q0 (local.get $scratch))
    (local.set $q1 (i32.add (local.get $q0) (local.get $rowBytes)))
    (local.set $q2 (i32.add (local.get $q1) (local.get $rowBytes)))
    (local.set $q3 (i32.add (local.get $q2) (local.get $rowBytes)))
    (local.set $c0 (i32.add (local.get $q3) (local.get $rowBytes)))
    (local.set $c1 (i32.add (local.get $c0) (local.get $negativeBytes)))
    (local.set $c2 (i32.add (local.get $c1) (local.get $negativeBytes)))
    (local.set $c3 (i32.add (local.get $c2) (local.get $negativeBytes)))
    ;; q_t = p_t ∘ h
    (local.set $k (i32.const 0))
    (block $productsDone
      (loop $products
        (br_if $productsDone (i32.ge_u (local.get $k) (local.get $rowBytes)))
        (local.set $hk (f64.load (i32.add (local.get $h) (local.get $k))))
        (f64.store (i32.add (local.get $q0) (local.get $k))
          (f64.mul (f64.load (i32.add (local.get $p0) (local.get $k))) (local.get $hk)))
        (f64.store (i32.add (local.get $q1) (local.get $k))
          (f64.mul (f64.load (i32.add (local.get $p1) (local.get $k))) (local.get $hk)))
        (f64.store (i32.add (local.get $q2) (local.get $k))
          (f64.mul (f64.load (i32.add (local.get $p2) (local.get $k))) (local.get $hk)))
        (f64.store (i32.add (local.get $q3) (local.get $k))
          (f64.mul (f64.load (i32.add (local.get $p3) (local.get $k))) (local.get $hk)))
        (local.set $k (i32.add (local.get $k) (i32.const 8)))
        (br $products)))
    ;; C_tb = Ω_tb·(q_t·p_b): two b at a time from the interleaved pairs, then an odd one left
    (local.set $evenBytes (i32.and (local.get $negativeBytes) (i32.const -16)))
    (local.set $b (i32.const 0))
    (local.set $pair (local.get $pairs))
    (block $pairsDone
      (loop $pairLoop
        (br_if $pairsDone (i32.ge_u (local.get $b) (local.get $evenBytes)))
        (local.set $a0 (v128.const f64x2 0 0))
        (local.set $a1 (v128.const f64x2 0 0))
        (local.set $a2 (v128.const f64x2 0 0))
        (local.set $a3 (v128.const f64x2 0 0))
        (local.set $k (i32.const 0))
        (block $dotDone
          (loop $dot
            (br_if $dotDone (i32.ge_u (local.get $k) (local.get $rowBytes)))
            (local.set $x (v128.load (i32.add (local.get $pair) (i32.shl (local.get $k) (i32.const 1)))))
            (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load64_splat (i32.add (local.get $q0) (local.get $k))) (local.get $x))))
            (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load64_splat (i32.add (local.get $q1) (local.get $k))) (local.get $x))))
            (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (v128.load64_splat (i32.add (local.get $q2) (local.get $k))) (local.get $x))))
            (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (v128.load64_splat (i32.add (local.get $q3) (local.get $k))) (local.get $x))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $dot)))
        (v128.store (i32.add (local.get $c0) (local.get $b))
          (f64x2.mul (v128.load (i32.add (local.get $w0) (local.get $b))) (local.get $a0)))
        (v128.store (i32.add (local.get $c1) (local.get $b))
          (f64x2.mul (v128.load (i32.add (local.get $w1) (local.get $b))) (local.get $a1)))
        (v128.store (i32.add (local.get $c2) (local.get $b))
          (f64x2.mul (v128.load (i32.add (local.get $w2) (local.get $b))) (local.get $a2)))
        (v128.store (i32.add (local.get $c3) (local.get $b))
          (f64x2.mul (v128.load (i32.add (local.get $w3) (local.get $b))) (local.get $a3)))
        (local.set $pair (i32.add (local.get $pair) (i32.shl (local.get $rowBytes) (i32.const 1))))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))
        (br $pairLoop)))
    (if (i32.lt_u (local.get $b) (local.get $negativeBytes))
      (then
        ;; row b = negativeCount − 1 of the vectors
        (local.set $column (i32.add (local.get $vectors) (i32.mul (i32.shr_u (local.get $b) (i32.const 3)) (local.get $rowBytes))))
          (local.set $s0 (f64.const 0))
          (local.set $s1 (f64.const 0))
          (local.set $s2 (f64.const 0))
          (local.set $s3 (f64.const 0))
        (local.set $k (i32.const 0))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $k) (local.get $rowBytes)))
            (local.set $u (f64.load (i32.add (local.get $column) (local.get $k))))
              (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (i32.add (local.get $q0) (local.get $k))) (local.get $u))))
              (local.set $s1 (f64.add (local.get $s1) (f64.mul (f64.load (i32.add (local.get $q1) (local.get $k))) (local.get $u))))
              (local.set $s2 (f64.add (local.get $s2) (f64.mul (f64.load (i32.add (local.get $q2) (local.get $k))) (local.get $u))))
              (local.set $s3 (f64.add (local.get $s3) (f64.mul (f64.load (i32.add (local.get $q3) (local.get $k))) (local.get $u))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $tail)))
          (f64.store (i32.add (local.get $c0) (local.get $b)) (f64.mul (f64.load (i32.add (local.get $w0) (local.get $b))) (local.get $s0)))
          (f64.store (i32.add (local.get $c1) (local.get $b)) (f64.mul (f64.load (i32.add (local.get $w1) (local.get $b))) (local.get $s1)))
          (f64.store (i32.add (local.get $c2) (local.get $b)) (f64.mul (f64.load (i32.add (local.get $w2) (local.get $b))) (local.get $s2)))
          (f64.store (i32.add (local.get $c3) (local.get $b)) (f64.mul (f64.load (i32.add (local.get $w3) (local.get $b))) (local.get $s3)))))
    ;; out[k], out[k + 1] += 2·Σ_t p_t[k]·Σ_b C_tb·p_b[k], two components at a time, then an odd one left
    (local.set $evenBytes (i32.and (local.get $rowBytes) (i32.const -16)))
    (local.set $k (i32.const 0))
    (block $componentsDone
      (loop $components
        (br_if $componentsDone (i32.ge_u (local.get $k) (local.get $evenBytes)))
        (local.set $a0 (v128.const f64x2 0 0))
        (local.set $a1 (v128.const f64x2 0 0))
        (local.set $a2 (v128.const f64x2 0 0))
        (local.set $a3 (v128.const f64x2 0 0))
        (local.set $b (i32.const 0))
        (local.set $column (i32.add (local.get $vectors) (local.get $k)))
        (block $sumDone
          (loop $sum
            (br_if $sumDone (i32.ge_u (local.get $b) (local.get $negativeBytes)))
            (local.set $x (v128.load (local.get $column)))
            (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load64_splat (i32.add (local.get $c0) (local.get $b))) (local.get $x))))
            (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load64_splat (i32.add (local.get $c1) (local.get $b))) (local.get $x))))
            (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (v128.load64_splat (i32.add (local.get $c2) (local.get $b))) (local.get $x))))
            (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (v128.load64_splat (i32.add (local.get $c3) (local.get $b))) (local.get $x))))
            (local.set $column (i32.add (local.get $column) (local.get $rowBytes)))
            (local.set $b (i32.add (local.get $b) (i32.const 8)))
            (br $sum)))
        (local.set $cross
          (f64x2.add
            (f64x2.add
              (f64x2.add (f64x2.mul (v128.load (i32.add (local.get $p0) (local.get $k))) (local.get $a0))
                (f64x2.mul (v128.load (i32.add (local.get $p1) (local.get $k))) (local.get $a1)))
              (f64x2.mul (v128.load (i32.add (local.get $p2) (local.get $k))) (local.get $a2)))
            (f64x2.mul (v128.load (i32.add (local.get $p3) (local.get $k))) (local.get $a3))))
        (v128.store (i32.add (local.get $out) (local.get $k))
          (f64x2.add (v128.load (i32.add (local.get $out) (local.get $k))) (f64x2.mul (f64x2.splat (f64.const 2)) (local.get $cross))))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br $components)))
    (if (i32.lt_u (local.get $k) (local.get $rowBytes))
      (then
        (local.set $s0 (f64.const 0))
        (local.set $s1 (f64.const 0))
        (local.set $s2 (f64.const 0))
        (local.set $s3 (f64.const 0))
        (local.set $b (i32.const 0))
        (local.set $column (i32.add (local.get $vectors) (local.get $k)))
        (block $lastDone
          (loop $last
            (br_if $lastDone (i32.ge_u (local.get $b) (local.get $negativeBytes)))
            (local.set $u (f64.load (local.get $column)))
            (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (i32.add (local.get $c0) (local.get $b))) (local.get $u))))
            (local.set $s1 (f64.add (local.get $s1) (f64.mul (f64.load (i32.add (local.get $c1) (local.get $b))) (local.get $u))))
            (local.set $s2 (f64.add (local.get $s2) (f64.mul (f64.load (i32.add (local.get $c2) (local.get $b))) (local.get $u))))
            (local.set $s3 (f64.add (local.get $s3) (f64.mul (f64.load (i32.add (local.get $c3) (local.get $b))) (local.get $u))))
            (local.set $column (i32.add (local.get $column) (local.get $rowBytes)))
            (local.set $b (i32.add (local.get $b) (i32.const 8)))
            (br $last)))
        (f64.store (i32.add (local.get $out) (local.get $k))
          (f64.add (f64.load (i32.add (local.get $out) (local.get $k)))
            (f64.mul (f64.const 2)
              (f64.add
                (f64.add
                  (f64.add (f64.mul (f64.load (i32.add (local.get $p0) (local.get $k))) (local.get $s0))
                    (f64.mul (f64.load (i32.add (local.get $p1) (local.get $k))) (local.get $s1)))
                  (f64.mul (f64.load (i32.add (local.get $p2) (local.get $k))) (local.get $s2)))
                (f64.mul (f64.load (i32.add (local.get $p3) (local.get $k))) (local.get $s3)))))))))
)
