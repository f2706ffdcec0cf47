;; The Cholesky test of positive semidefiniteness (positiveSemidefinite.ts), the hedge's whole-matrix check: its
;; four-rows-by-four-columns tile in WebAssembly with 128-bit SIMD. Assembled by scripts/build-wasm.js into
;; choleskyKernelBinary.ts; loaded by wasmKernels.ts. Every sum is taken in the TypeScript's (and JAMA's) order with the
;; same operations, no fused multiply-adds: the same bits.
(module
  (import "kernel" "memory" (memory 1))

  ;; Cholesky factorisation of a packed lower triangle (positiveSemidefinite.ts, factorFourRowsLeftOfBlock): rows
  ;; first … first + 3 (row j at triangle + 8·j(j+1)/2), columns 0 … first − 1 (a multiple of 4) as four rows by four
  ;; columns k … k + 3. Per row, $a_r01 sums L_ki·L_ri (lane 0) and L_(k+1)i·L_ri (lane 1) in increasing i < k, $a_r23
  ;; the same for columns k + 2 and k + 3, from the interleaved copies (L_ki, L_(k+1)i) of rows k and k + 1 at
  ;; pairs + 8·k(k − 2)/2 + 16·i (and of rows k + 2, k + 3). Each column's sum then takes its last terms, i = k … , in
  ;; order once those entries of the row are known, as the TypeScript does. The rows' sums of squares are read from and
  ;; written back to squareSums (4 f64); scratch holds 16 f64.
  (func (export "choleskyFourRowsLeftOfBlock")
      (param $triangle i32) (param $first i32) (param $pairs i32) (param $squareSums i32) (param $scratch i32)
      (local $start0 i32) (local $start1 i32) (local $start2 i32) (local $start3 i32) (local $start i32) (local $r i32)
      (local $column i32) (local $columnEnd i32) (local $k i32) (local $pair01 i32) (local $pair23 i32) (local $i i32)
      (local $row0 i32) (local $row1 i32) (local $row2 i32) (local $row3 i32)
      (local $d0 f64) (local $d1 f64) (local $d2 f64) (local $d3 f64)
      (local $l10 f64) (local $l20 f64) (local $l21 f64) (local $l30 f64) (local $l31 f64) (local $l32 f64)
      (local $e0 f64) (local $e1 f64) (local $e2 f64) (local $e3 f64) (local $square f64)
      (local $x v128) (local $p01 v128) (local $p23 v128)
      (local $a001 v128) (local $a023 v128) (local $a101 v128) (local $a123 v128)
      (local $a201 v128) (local $a223 v128) (local $a301 v128) (local $a323 v128)
      ;; byte addresses of the four rows
      (local.set $start0 (i32.add (local.get $triangle)
        (i32.shl (i32.shr_u (i32.mul (local.get $first) (i32.add (local.get $first) (i32.const 1))) (i32.const 1)) (i32.const 3))))
      (local.set $start1 (i32.add (local.get $start0) (i32.shl (i32.add (local.get $first) (i32.const 1)) (i32.const 3))))
      (local.set $start2 (i32.add (local.get $start1) (i32.shl (i32.add (local.get $first) (i32.const 2)) (i32.const 3))))
      (local.set $start3 (i32.add (local.get $start2) (i32.shl (i32.add (local.get $first) (i32.const 3)) (i32.const 3))))
      (local.set $columnEnd (i32.shl (local.get $first) (i32.const 3)))
      (block $columnsDone
        (loop $columns
          (br_if $columnsDone (i32.ge_u (local.get $column) (local.get $columnEnd)))
          (local.set $k (i32.shr_u (local.get $column) (i32.const 3)))
          ;; rows k … k + 3 of L, and the pairs (k, k + 1), (k + 2, k + 3)
          (local.set $row0 (i32.add (local.get $triangle)
            (i32.shl (i32.shr_u (i32.mul (local.get $k) (i32.add (local.get $k) (i32.const 1))) (i32.const 1)) (i32.const 3))))
          (local.set $row1 (i32.add (local.get $row0) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3))))
          (local.set $row2 (i32.add (local.get $row1) (i32.shl (i32.add (local.get $k) (i32.const 2)) (i32.const 3))))
          (local.set $row3 (i32.add (local.get $row2) (i32.shl (i32.add (local.get $k) (i32.const 3)) (i32.const 3))))
          (local.set $pair01 (i32.add (local.get $pairs)
            (i32.shl (i32.shr_u (i32.mul (local.get $k) (i32.sub (local.get $k) (i32.const 2))) (i32.const 1)) (i32.const 3))))
          (local.set $pair23 (i32.add (local.get $pairs)
            (i32.shl (i32.shr_u (i32.mul (i32.add (local.get $k) (i32.const 2)) (local.get $k)) (i32.const 1)) (i32.const 3))))
          (local.set $a001 (v128.const f64x2 0 0))
          (local.set $a023 (v128.const f64x2 0 0))
          (local.set $a101 (v128.const f64x2 0 0))
          (local.set $a123 (v128.const f64x2 0 0))
          (local.set $a201 (v128.const f64x2 0 0))
          (local.set $a223 (v128.const f64x2 0 0))
          (local.set $a301 (v128.const f64x2 0 0))
          (local.set $a323 (v128.const f64x2 0 0))
          (local.set $i (i32.const 0))
          (block $dotDone
            (loop $dot
              (br_if $dotDone (i32.ge_u (local.get $i) (local.get $column)))
              (local.set $p01 (v128.load (i32.add (local.get $pair01) (i32.shl (local.get $i) (i32.const 1)))))
              (local.set $p23 (v128.load (i32.add (local.get $pair23) (i32.shl (local.get $i) (i32.const 1)))))
              (local.set $x (v128.load64_splat (i32.add (local.get $start0) (local.get $i))))
              (local.set $a001 (f64x2.add (local.get $a001) (f64x2.mul (local.get $x) (local.get $p01))))
              (local.set $a023 (f64x2.add (local.get $a023) (f64x2.mul (local.get $x) (local.get $p23))))
              (local.set $x (v128.load64_splat (i32.add (local.get $start1) (local.get $i))))
              (local.set $a101 (f64x2.add (local.get $a101) (f64x2.mul (local.get $x) (local.get $p01))))
              (local.set $a123 (f64x2.add (local.get $a123) (f64x2.mul (local.get $x) (local.get $p23))))
              (local.set $x (v128.load64_splat (i32.add (local.get $start2) (local.get $i))))
              (local.set $a201 (f64x2.add (local.get $a201) (f64x2.mul (local.get $x) (local.get $p01))))
              (local.set $a223 (f64x2.add (local.get $a223) (f64x2.mul (local.get $x) (local.get $p23))))
              (local.set $x (v128.load64_splat (i32.add (local.get $start3) (local.get $i))))
              (local.set $a301 (f64x2.add (local.get $a301) (f64x2.mul (local.get $x) (local.get $p01))))
              (local.set $a323 (f64x2.add (local.get $a323) (f64x2.mul (local.get $x) (local.get $p23))))
              (local.set $i (i32.add (local.get $i) (i32.const 8)))
              (br $dot)))
          (v128.store offset=0 (local.get $scratch) (local.get $a001))
          (v128.store offset=16 (local.get $scratch) (local.get $a023))
          (v128.store offset=32 (local.get $scratch) (local.get $a101))
          (v128.store offset=48 (local.get $scratch) (local.get $a123))
          (v128.store offset=64 (local.get $scratch) (local.get $a201))
          (v128.store offset=80 (local.get $scratch) (local.get $a223))
          (v128.store offset=96 (local.get $scratch) (local.get $a301))
          (v128.store offset=112 (local.get $scratch) (local.get $a323))
          ;; the diagonal and the entries below it among columns k … k + 3
          (local.set $d0 (f64.load (i32.add (local.get $row0) (local.get $column))))
          (local.set $l10 (f64.load (i32.add (local.get $row1) (local.get $column))))
          (local.set $d1 (f64.load offset=8 (i32.add (local.get $row1) (local.get $column))))
          (local.set $l20 (f64.load (i32.add (local.get $row2) (local.get $column))))
          (local.set $l21 (f64.load offset=8 (i32.add (local.get $row2) (local.get $column))))
          (local.set $d2 (f64.load offset=16 (i32.add (local.get $row2) (local.get $column))))
          (local.set $l30 (f64.load (i32.add (local.get $row3) (local.get $column))))
          (local.set $l31 (f64.load offset=8 (i32.add (local.get $row3) (local.get $column))))
          (local.set $l32 (f64.load offset=16 (i32.add (local.get $row3) (local.get $column))))
          (local.set $d3 (f64.load offset=24 (i32.add (local.get $row3) (local.get $column))))
          ;; each of the four rows in turn: its sums from scratch, its four entries, its sum of squares
          (local.set $r (i32.const 0))
          (local.set $start (local.get $start0))
          (block $rowsDone
            (loop $rows
              (br_if $rowsDone (i32.ge_u (local.get $r) (i32.const 4)))
              (local.set $square (f64.load (i32.add (local.get $squareSums) (i32.shl (local.get $r) (i32.const 3)))))
              (local.set $e0
                (f64.div
                  (f64.sub (f64.load (i32.add (local.get $start) (local.get $column)))
                    (f64.load (i32.add (local.get $scratch) (i32.shl (local.get $r) (i32.const 5)))))
                  (local.get $d0)))
              (local.set $square (f64.add (local.get $square) (f64.mul (local.get $e0) (local.get $e0))))
              (local.set $e1
                (f64.div
                  (f64.sub (f64.load offset=8 (i32.add (local.get $start) (local.get $column)))
                    (f64.add (f64.load offset=8 (i32.add (local.get $scratch) (i32.shl (local.get $r) (i32.const 5))))
                      (f64.mul (local.get $l10) (local.get $e0))))
                  (local.get $d1)))
              (local.set $square (f64.add (local.get $square) (f64.mul (local.get $e1) (local.get $e1))))
              (local.set $e2
                (f64.div
                  (f64.sub (f64.load offset=16 (i32.add (local.get $start) (local.get $column)))
                    (f64.add
                      (f64.add (f64.load offset=16 (i32.add (local.get $scratch) (i32.shl (local.get $r) (i32.const 5))))
                        (f64.mul (local.get $l20) (local.get $e0)))
                      (f64.mul (local.get $l21) (local.get $e1))))
                  (local.get $d2)))
              (local.set $square (f64.add (local.get $square) (f64.mul (local.get $e2) (local.get $e2))))
              (local.set $e3
                (f64.div
                  (f64.sub (f64.load offset=24 (i32.add (local.get $start) (local.get $column)))
                    (f64.add
                      (f64.add
                        (f64.add (f64.load offset=24 (i32.add (local.get $scratch) (i32.shl (local.get $r) (i32.const 5))))
                          (f64.mul (local.get $l30) (local.get $e0)))
                        (f64.mul (local.get $l31) (local.get $e1)))
                      (f64.mul (local.get $l32) (local.get $e2))))
                  (local.get $d3)))
              (local.set $square (f64.add (local.get $square) (f64.mul (local.get $e3) (local.get $e3))))
              (f64.store (i32.add (local.get $start) (local.get $column)) (local.get $e0))
              (f64.store offset=8 (i32.add (local.get $start) (local.get $column)) (local.get $e1))
              (f64.store offset=16 (i32.add (local.get $start) (local.get $column)) (local.get $e2))
              (f64.store offset=24 (i32.add (local.get $start) (local.get $column)) (local.get $e3))
              (f64.store (i32.add (local.get $squareSums) (i32.shl (local.get $r) (i32.const 3))) (local.get $square))
              ;; the next row starts (first + r + 1) entries later
              (local.set $start (i32.add (local.get $start)
                (i32.shl (i32.add (i32.add (local.get $first) (local.get $r)) (i32.const 1)) (i32.const 3))))
              (local.set $r (i32.add (local.get $r) (i32.const 1)))
              (br $rows)))
          (local.set $column (i32.add (local.get $column) (i32.const 32)))
          (br $columns)))))
