;; The eigen-decomposition's O(n³) loops in WebAssembly with 128-bit SIMD, two entries per operation: the QL sweeps'
;; plane rotations (rotationSweeps.ts), the Householder reduction's product and rank-2 update (householderTridiagonal.ts)
;; and the formation of Q from pairs of reflectors (householderAccumulation.ts). Assembled by scripts/build-wasm.js into eigenKernelsBinary.ts; wasmKernels.ts loads it.
;; Every entry meets exactly the operations of the TypeScript kernels, in the same order, without fused multiply-adds:
;; the results are the same to the bit.
;;
;; Rotations. Layout: the matrix whose rows i and i + 1 rotation i mixes, row r at byte matrix + r·stride (stride a multiple of
;; 64 bytes, the padding zero). Each rotation updates the two rows entry by entry, so the entries of a row go two to a
;; v128, and a block of 8 (sweep) or 4 (sweepPair) entries carries its running value down the chain in registers, as
;; the TypeScript kernel carries four rows. Rotation i has cosine f64 at cosines + 8·i and sine at sines + 8·i.
;; The memory is imported, sized by the caller for the matrix at hand (see wasmRotationSweeps.ts on why it never grows).
(module
  (import "kernel" "memory" (memory 1))

  ;; Rows low … high ← one sweep, rotations high − 1 down to low.
  (func (export "sweep")
    (param $matrix i32) (param $stride i32) (param $low i32) (param $high i32) (param $cosines i32) (param $sines i32)
    (local $block i32) (local $upper i32) (local $lower i32) (local $i i32)
    (local $c v128) (local $s v128)
    (local $k0 v128) (local $k1 v128) (local $k2 v128) (local $k3 v128)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $block) (local.get $stride)))
        ;; $upper: the entry of row i + 1 in this block; the carries start as row high.
        (local.set $upper
          (i32.add (i32.add (local.get $matrix) (i32.mul (local.get $high) (local.get $stride))) (local.get $block)))
        (local.set $k0 (v128.load offset=0 (local.get $upper)))
        (local.set $k1 (v128.load offset=16 (local.get $upper)))
        (local.set $k2 (v128.load offset=32 (local.get $upper)))
        (local.set $k3 (v128.load offset=48 (local.get $upper)))
        (local.set $i (i32.sub (local.get $high) (i32.const 1)))
        (block $chainDone
          (loop $chain
            (br_if $chainDone (i32.lt_s (local.get $i) (local.get $low)))
            (local.set $lower (i32.sub (local.get $upper) (local.get $stride)))
            (local.set $c (f64x2.splat (f64.load (i32.add (local.get $cosines) (i32.shl (local.get $i) (i32.const 3))))))
            (local.set $s (f64x2.splat (f64.load (i32.add (local.get $sines) (i32.shl (local.get $i) (i32.const 3))))))
            (local.set $x0 (v128.load offset=0 (local.get $lower)))
            (local.set $x1 (v128.load offset=16 (local.get $lower)))
            (local.set $x2 (v128.load offset=32 (local.get $lower)))
            (local.set $x3 (v128.load offset=48 (local.get $lower)))
            ;; row i + 1 ← s·x + c·carry (final); carry ← c·x − s·carry
            (v128.store offset=0 (local.get $upper)
              (f64x2.add (f64x2.mul (local.get $s) (local.get $x0)) (f64x2.mul (local.get $c) (local.get $k0))))
            (v128.store offset=16 (local.get $upper)
              (f64x2.add (f64x2.mul (local.get $s) (local.get $x1)) (f64x2.mul (local.get $c) (local.get $k1))))
            (v128.store offset=32 (local.get $upper)
              (f64x2.add (f64x2.mul (local.get $s) (local.get $x2)) (f64x2.mul (local.get $c) (local.get $k2))))
            (v128.store offset=48 (local.get $upper)
              (f64x2.add (f64x2.mul (local.get $s) (local.get $x3)) (f64x2.mul (local.get $c) (local.get $k3))))
            (local.set $k0 (f64x2.sub (f64x2.mul (local.get $c) (local.get $x0)) (f64x2.mul (local.get $s) (local.get $k0))))
            (local.set $k1 (f64x2.sub (f64x2.mul (local.get $c) (local.get $x1)) (f64x2.mul (local.get $s) (local.get $k1))))
            (local.set $k2 (f64x2.sub (f64x2.mul (local.get $c) (local.get $x2)) (f64x2.mul (local.get $s) (local.get $k2))))
            (local.set $k3 (f64x2.sub (f64x2.mul (local.get $c) (local.get $x3)) (f64x2.mul (local.get $s) (local.get $k3))))
            (local.set $upper (local.get $lower))
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (br $chain)))
        ;; row low ← the carries
        (v128.store offset=0 (local.get $upper) (local.get $k0))
        (v128.store offset=16 (local.get $upper) (local.get $k1))
        (v128.store offset=32 (local.get $upper) (local.get $k2))
        (v128.store offset=48 (local.get $upper) (local.get $k3))
        (local.set $block (i32.add (local.get $block) (i32.const 64)))
        (br $blocks))))

  ;; Rows ← (first sweep) then (second sweep) in one pass, as applySweepPair in rotationSweeps.ts: the second chain
  ;; one row behind the first, taking row i + 1 from the first chain's register. Needs firstLow < secondLow <
  ;; secondHigh ≤ firstHigh. Blocks of 4 entries (two chains of carries stay in registers).
  (func (export "sweepPair")
    (param $matrix i32) (param $stride i32)
    (param $firstLow i32) (param $firstHigh i32) (param $firstCosines i32) (param $firstSines i32)
    (param $secondLow i32) (param $secondHigh i32) (param $secondCosines i32) (param $secondSines i32)
    (local $block i32) (local $upper i32) (local $lower i32) (local $i i32) (local $offset i32)
    (local $c v128) (local $s v128) (local $c2 v128) (local $s2 v128)
    (local $k0 v128) (local $k1 v128) (local $q0 v128) (local $q1 v128)
    (local $x0 v128) (local $x1 v128) (local $d0 v128) (local $d1 v128)
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $block) (local.get $stride)))
        (local.set $upper
          (i32.add (i32.add (local.get $matrix) (i32.mul (local.get $firstHigh) (local.get $stride))) (local.get $block)))
        (local.set $k0 (v128.load offset=0 (local.get $upper)))
        (local.set $k1 (v128.load offset=16 (local.get $upper)))
        ;; The first sweep alone, rotations firstHigh − 1 down to secondHigh − 1.
        (local.set $i (i32.sub (local.get $firstHigh) (i32.const 1)))
        (block $aloneDone
          (loop $alone
            (br_if $aloneDone (i32.lt_s (local.get $i) (i32.sub (local.get $secondHigh) (i32.const 1))))
            (local.set $lower (i32.sub (local.get $upper) (local.get $stride)))
            (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
            (local.set $c (f64x2.splat (f64.load (i32.add (local.get $firstCosines) (local.get $offset)))))
            (local.set $s (f64x2.splat (f64.load (i32.add (local.get $firstSines) (local.get $offset)))))
            (local.set $x0 (v128.load offset=0 (local.get $lower)))
            (local.set $x1 (v128.load offset=16 (local.get $lower)))
            (v128.store offset=0 (local.get $upper)
              (f64x2.add (f64x2.mul (local.get $s) (local.get $x0)) (f64x2.mul (local.get $c) (local.get $k0))))
            (v128.store offset=16 (local.get $upper)
              (f64x2.add (f64x2.mul (local.get $s) (local.get $x1)) (f64x2.mul (local.get $c) (local.get $k1))))
            (local.set $k0 (f64x2.sub (f64x2.mul (local.get $c) (local.get $x0)) (f64x2.mul (local.get $s) (local.get $k0))))
            (local.set $k1 (f64x2.sub (f64x2.mul (local.get $c) (local.get $x1)) (f64x2.mul (local.get $s) (local.get $k1))))
            (local.set $upper (local.get $lower))
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (br $alone)))
        ;; $upper is now row secondHigh − 1 (the first chain's carry); row secondHigh is final for the first sweep and
        ;; starts the second chain's carry.
        (local.set $q0 (v128.load offset=0 (i32.add (local.get $upper) (local.get $stride))))
        (local.set $q1 (v128.load offset=16 (i32.add (local.get $upper) (local.get $stride))))
        ;; Both: the first sweep's rotation i, then the second's rotation i + 1, for i = secondHigh − 2 … secondLow − 1.
        (block $bothDone
          (loop $both
            (br_if $bothDone (i32.lt_s (local.get $i) (i32.sub (local.get $secondLow) (i32.const 1))))
            (local.set $lower (i32.sub (local.get $upper) (local.get $stride)))
            (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
            (local.set $c (f64x2.splat (f64.load (i32.add (local.get $firstCosines) (local.get $offset)))))
            (local.set $s (f64x2.splat (f64.load (i32.add (local.get $firstSines) (local.get $offset)))))
            (local.set $x0 (v128.load offset=0 (local.get $lower)))
            (local.set $x1 (v128.load offset=16 (local.get $lower)))
            ;; first sweep, rotation i: row i + 1 is done (kept), row i is the new carry
            (local.set $d0 (f64x2.add (f64x2.mul (local.get $s) (local.get $x0)) (f64x2.mul (local.get $c) (local.get $k0))))
            (local.set $d1 (f64x2.add (f64x2.mul (local.get $s) (local.get $x1)) (f64x2.mul (local.get $c) (local.get $k1))))
            (local.set $k0 (f64x2.sub (f64x2.mul (local.get $c) (local.get $x0)) (f64x2.mul (local.get $s) (local.get $k0))))
            (local.set $k1 (f64x2.sub (f64x2.mul (local.get $c) (local.get $x1)) (f64x2.mul (local.get $s) (local.get $k1))))
            ;; second sweep, rotation i + 1 of rows i + 1 (done) and i + 2 (its carry): row i + 2 is final
            (local.set $c2 (f64x2.splat (f64.load offset=8 (i32.add (local.get $secondCosines) (local.get $offset)))))
            (local.set $s2 (f64x2.splat (f64.load offset=8 (i32.add (local.get $secondSines) (local.get $offset)))))
            (v128.store offset=0 (i32.add (local.get $upper) (local.get $stride))
              (f64x2.add (f64x2.mul (local.get $s2) (local.get $d0)) (f64x2.mul (local.get $c2) (local.get $q0))))
            (v128.store offset=16 (i32.add (local.get $upper) (local.get $stride))
              (f64x2.add (f64x2.mul (local.get $s2) (local.get $d1)) (f64x2.mul (local.get $c2) (local.get $q1))))
            (local.set $q0 (f64x2.sub (f64x2.mul (local.get $c2) (local.get $d0)) (f64x2.mul (local.get $s2) (local.get $q0))))
            (local.set $q1 (f64x2.sub (f64x2.mul (local.get $c2) (local.get $d1)) (f64x2.mul (local.get $s2) (local.get $q1))))
            (local.set $upper (local.get $lower))
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (br $both)))
        ;; $upper is row secondLow − 1; row secondLow ← the second chain's carry.
        (v128.store offset=0 (i32.add (local.get $upper) (local.get $stride)) (local.get $q0))
        (v128.store offset=16 (i32.add (local.get $upper) (local.get $stride)) (local.get $q1))
        ;; The first sweep alone again, rotations secondLow − 2 down to firstLow.
        (block $restDone
          (loop $rest
            (br_if $restDone (i32.lt_s (local.get $i) (local.get $firstLow)))
            (local.set $lower (i32.sub (local.get $upper) (local.get $stride)))
            (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
            (local.set $c (f64x2.splat (f64.load (i32.add (local.get $firstCosines) (local.get $offset)))))
            (local.set $s (f64x2.splat (f64.load (i32.add (local.get $firstSines) (local.get $offset)))))
            (local.set $x0 (v128.load offset=0 (local.get $lower)))
            (local.set $x1 (v128.load offset=16 (local.get $lower)))
            (v128.store offset=0 (local.get $upper)
              (f64x2.add (f64x2.mul (local.get $s) (local.get $x0)) (f64x2.mul (local.get $c) (local.get $k0))))
            (v128.store offset=16 (local.get $upper)
              (f64x2.add (f64x2.mul (local.get $s) (local.get $x1)) (f64x2.mul (local.get $c) (local.get $k1))))
            (local.set $k0 (f64x2.sub (f64x2.mul (local.get $c) (local.get $x0)) (f64x2.mul (local.get $s) (local.get $k0))))
            (local.set $k1 (f64x2.sub (f64x2.mul (local.get $c) (local.get $x1)) (f64x2.mul (local.get $s) (local.get $k1))))
            (local.set $upper (local.get $lower))
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (br $rest)))
        ;; row firstLow ← the first chain's carry
        (v128.store offset=0 (local.get $upper) (local.get $k0))
        (v128.store offset=16 (local.get $upper) (local.get $k1))
        (local.set $block (i32.add (local.get $block) (i32.const 32)))
        (br $blocks))))

  ;; Householder accumulation (applyReflectorPairToFourRows in householderAccumulation.ts): four rows x (row r at
  ;; rows + r·stride) ← x·H_i·H_{i+1}, H = I − v·vᵀ, w = v_{i+1}. Columns 0 … count − 1 (count = i + 1) and count (w's
  ;; last entry). Dot products: lane 0 of $a_r sums x_r·v, lane 1 sums x_r·w, in column order, from the interleaved
  ;; copy (v[k], w[k]) at pair + 16·k; the updates go two columns at a time along the rows of v and w.
  (func (export "reflectPairFourRows")
      (param $rows i32) (param $stride i32) (param $v i32) (param $w i32) (param $pair i32) (param $count i32)
      (param $overlap f64)
      (local $row1 i32) (local $row2 i32) (local $row3 i32) (local $k i32) (local $end i32) (local $wLast f64)
      (local $p v128) (local $v2 v128) (local $w2 v128)
      (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
      (local $cv0 v128) (local $cv1 v128) (local $cv2 v128) (local $cv3 v128)
      (local $cw0 v128) (local $cw1 v128) (local $cw2 v128) (local $cw3 v128)
      (local.set $row1 (i32.add (local.get $rows) (local.get $stride)))
      (local.set $row2 (i32.add (local.get $row1) (local.get $stride)))
      (local.set $row3 (i32.add (local.get $row2) (local.get $stride)))
      (local.set $end (i32.shl (local.get $count) (i32.const 3)))
      ;; dot products over columns 0 … count − 1 ($k in bytes)
      (block $dotDone
        (loop $dot
          (br_if $dotDone (i32.ge_u (local.get $k) (local.get $end)))
          (local.set $p (v128.load (i32.add (local.get $pair) (i32.shl (local.get $k) (i32.const 1)))))
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load64_splat (i32.add (local.get $rows) (local.get $k))) (local.get $p))))
          (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load64_splat (i32.add (local.get $row1) (local.get $k))) (local.get $p))))
          (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (v128.load64_splat (i32.add (local.get $row2) (local.get $k))) (local.get $p))))
          (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (v128.load64_splat (i32.add (local.get $row3) (local.get $k))) (local.get $p))))
          (local.set $k (i32.add (local.get $k) (i32.const 8)))
          (br $dot)))
      ;; w's last entry (v's is 0), then w_r −= v_r·(v·w), lane 1 alone
      (local.set $wLast (f64.load (i32.add (local.get $w) (local.get $end))))
      (local.set $a0 (f64x2.replace_lane 1 (local.get $a0)
        (f64.add (f64x2.extract_lane 1 (local.get $a0)) (f64.mul (f64.load (i32.add (local.get $rows) (local.get $end))) (local.get $wLast)))))
      (local.set $a0 (f64x2.replace_lane 1 (local.get $a0)
        (f64.sub (f64x2.extract_lane 1 (local.get $a0)) (f64.mul (f64x2.extract_lane 0 (local.get $a0)) (local.get $overlap)))))
      (local.set $a1 (f64x2.replace_lane 1 (local.get $a1)
        (f64.add (f64x2.extract_lane 1 (local.get $a1)) (f64.mul (f64.load (i32.add (local.get $row1) (local.get $end))) (local.get $wLast)))))
      (local.set $a1 (f64x2.replace_lane 1 (local.get $a1)
        (f64.sub (f64x2.extract_lane 1 (local.get $a1)) (f64.mul (f64x2.extract_lane 0 (local.get $a1)) (local.get $overlap)))))
      (local.set $a2 (f64x2.replace_lane 1 (local.get $a2)
        (f64.add (f64x2.extract_lane 1 (local.get $a2)) (f64.mul (f64.load (i32.add (local.get $row2) (local.get $end))) (local.get $wLast)))))
      (local.set $a2 (f64x2.replace_lane 1 (local.get $a2)
        (f64.sub (f64x2.extract_lane 1 (local.get $a2)) (f64.mul (f64x2.extract_lane 0 (local.get $a2)) (local.get $overlap)))))
      (local.set $a3 (f64x2.replace_lane 1 (local.get $a3)
        (f64.add (f64x2.extract_lane 1 (local.get $a3)) (f64.mul (f64.load (i32.add (local.get $row3) (local.get $end))) (local.get $wLast)))))
      (local.set $a3 (f64x2.replace_lane 1 (local.get $a3)
        (f64.sub (f64x2.extract_lane 1 (local.get $a3)) (f64.mul (f64x2.extract_lane 0 (local.get $a3)) (local.get $overlap)))))
      (local.set $cv0 (f64x2.splat (f64x2.extract_lane 0 (local.get $a0))))
      (local.set $cw0 (f64x2.splat (f64x2.extract_lane 1 (local.get $a0))))
      (local.set $cv1 (f64x2.splat (f64x2.extract_lane 0 (local.get $a1))))
      (local.set $cw1 (f64x2.splat (f64x2.extract_lane 1 (local.get $a1))))
      (local.set $cv2 (f64x2.splat (f64x2.extract_lane 0 (local.get $a2))))
      (local.set $cw2 (f64x2.splat (f64x2.extract_lane 1 (local.get $a2))))
      (local.set $cv3 (f64x2.splat (f64x2.extract_lane 0 (local.get $a3))))
      (local.set $cw3 (f64x2.splat (f64x2.extract_lane 1 (local.get $a3))))
      ;; updates, two columns at a time
      (local.set $k (i32.const 0))
      (block $updateDone
        (loop $update
          (br_if $updateDone (i32.gt_u (i32.add (local.get $k) (i32.const 16)) (local.get $end)))
          (local.set $v2 (v128.load (i32.add (local.get $v) (local.get $k))))
          (local.set $w2 (v128.load (i32.add (local.get $w) (local.get $k))))
          (v128.store (i32.add (local.get $rows) (local.get $k))
                (f64x2.sub (v128.load (i32.add (local.get $rows) (local.get $k)))
                  (f64x2.add (f64x2.mul (local.get $cv0) (local.get $v2)) (f64x2.mul (local.get $cw0) (local.get $w2)))))
          (v128.store (i32.add (local.get $row1) (local.get $k))
                (f64x2.sub (v128.load (i32.add (local.get $row1) (local.get $k)))
                  (f64x2.add (f64x2.mul (local.get $cv1) (local.get $v2)) (f64x2.mul (local.get $cw1) (local.get $w2)))))
          (v128.store (i32.add (local.get $row2) (local.get $k))
                (f64x2.sub (v128.load (i32.add (local.get $row2) (local.get $k)))
                  (f64x2.add (f64x2.mul (local.get $cv2) (local.get $v2)) (f64x2.mul (local.get $cw2) (local.get $w2)))))
          (v128.store (i32.add (local.get $row3) (local.get $k))
                (f64x2.sub (v128.load (i32.add (local.get $row3) (local.get $k)))
                  (f64x2.add (f64x2.mul (local.get $cv3) (local.get $v2)) (f64x2.mul (local.get $cw3) (local.get $w2)))))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br $update)))
      ;; an odd column left
      (if (i32.lt_u (local.get $k) (local.get $end))
        (then
        (f64.store (i32.add (local.get $rows) (local.get $k))
          (f64.sub (f64.load (i32.add (local.get $rows) (local.get $k)))
            (f64.add (f64.mul (f64x2.extract_lane 0 (local.get $a0)) (f64.load (i32.add (local.get $v) (local.get $k))))
                     (f64.mul (f64x2.extract_lane 1 (local.get $a0)) (f64.load (i32.add (local.get $w) (local.get $k)))))))
        (f64.store (i32.add (local.get $row1) (local.get $k))
          (f64.sub (f64.load (i32.add (local.get $row1) (local.get $k)))
            (f64.add (f64.mul (f64x2.extract_lane 0 (local.get $a1)) (f64.load (i32.add (local.get $v) (local.get $k))))
                     (f64.mul (f64x2.extract_lane 1 (local.get $a1)) (f64.load (i32.add (local.get $w) (local.get $k)))))))
        (f64.store (i32.add (local.get $row2) (local.get $k))
          (f64.sub (f64.load (i32.add (local.get $row2) (local.get $k)))
            (f64.add (f64.mul (f64x2.extract_lane 0 (local.get $a2)) (f64.load (i32.add (local.get $v) (local.get $k))))
                     (f64.mul (f64x2.extract_lane 1 (local.get $a2)) (f64.load (i32.add (local.get $w) (local.get $k)))))))
        (f64.store (i32.add (local.get $row3) (local.get $k))
          (f64.sub (f64.load (i32.add (local.get $row3) (local.get $k)))
            (f64.add (f64.mul (f64x2.extract_lane 0 (local.get $a3)) (f64.load (i32.add (local.get $v) (local.get $k))))
                     (f64.mul (f64x2.extract_lane 1 (local.get $a3)) (f64.load (i32.add (local.get $w) (local.get $k)))))))))
      ;; column count: only w reaches it
      (f64.store (i32.add (local.get $rows) (local.get $end)) (f64.sub (f64.load (i32.add (local.get $rows) (local.get $end))) (f64.mul (f64x2.extract_lane 1 (local.get $a0)) (local.get $wLast))))
      (f64.store (i32.add (local.get $row1) (local.get $end)) (f64.sub (f64.load (i32.add (local.get $row1) (local.get $end))) (f64.mul (f64x2.extract_lane 1 (local.get $a1)) (local.get $wLast))))
      (f64.store (i32.add (local.get $row2) (local.get $end)) (f64.sub (f64.load (i32.add (local.get $row2) (local.get $end))) (f64.mul (f64x2.extract_lane 1 (local.get $a2)) (local.get $wLast))))
      (f64.store (i32.add (local.get $row3) (local.get $end)) (f64.sub (f64.load (i32.add (local.get $row3) (local.get $end))) (f64.mul (f64x2.extract_lane 1 (local.get $a3)) (local.get $wLast)))))

  ;; Householder reduction, e = A·u four rows at a time (symmetricProductOfFourRows in householderTridiagonal.ts),
  ;; columns from … to − 1 (an even count; the caller does an odd one left): e[k] += ((x0·f0 + x1·f1) + x2·f2) + x3·f3,
  ;; two columns at a time, and each row's sum g_r += x_r[k]·u[k] in column order, rows 0 and 1 in one v128 and rows 2
  ;; and 3 in another. The sums come in and go back out at `sums` (4 f64). Addresses in bytes; u at d, e at e.
  (func (export "symmetricProductFourRows")
      (param $rows i32) (param $stride i32) (param $d i32) (param $e i32) (param $from i32) (param $to i32)
      (param $scalarF0 f64) (param $scalarF1 f64) (param $scalarF2 f64) (param $scalarF3 f64) (param $sums i32)
      (local $row1 i32) (local $row2 i32) (local $row3 i32) (local $k i32) (local $end i32)
      (local $f0 v128) (local $f1 v128) (local $f2 v128) (local $f3 v128)
      (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
      (local $u v128) (local $g01 v128) (local $g23 v128)
      (local.set $row1 (i32.add (local.get $rows) (local.get $stride)))
      (local.set $row2 (i32.add (local.get $row1) (local.get $stride)))
      (local.set $row3 (i32.add (local.get $row2) (local.get $stride)))
      (local.set $f0 (f64x2.splat (local.get $scalarF0)))
      (local.set $f1 (f64x2.splat (local.get $scalarF1)))
      (local.set $f2 (f64x2.splat (local.get $scalarF2)))
      (local.set $f3 (f64x2.splat (local.get $scalarF3)))
      (local.set $g01 (v128.load offset=0 (local.get $sums)))
      (local.set $g23 (v128.load offset=16 (local.get $sums)))
      (local.set $k (i32.shl (local.get $from) (i32.const 3)))
      (local.set $end (i32.shl (local.get $to) (i32.const 3)))
      (block $done
        (loop $columns
          (br_if $done (i32.ge_u (local.get $k) (local.get $end)))
          (local.set $x0 (v128.load (i32.add (local.get $rows) (local.get $k))))
          (local.set $x1 (v128.load (i32.add (local.get $row1) (local.get $k))))
          (local.set $x2 (v128.load (i32.add (local.get $row2) (local.get $k))))
          (local.set $x3 (v128.load (i32.add (local.get $row3) (local.get $k))))
          (local.set $u (v128.load (i32.add (local.get $d) (local.get $k))))
          (v128.store (i32.add (local.get $e) (local.get $k))
            (f64x2.add (v128.load (i32.add (local.get $e) (local.get $k)))
              (f64x2.add
                (f64x2.add
                  (f64x2.add (f64x2.mul (local.get $x0) (local.get $f0)) (f64x2.mul (local.get $x1) (local.get $f1)))
                  (f64x2.mul (local.get $x2) (local.get $f2)))
                (f64x2.mul (local.get $x3) (local.get $f3)))))
          ;; column k, then column k + 1, into each row's sum
          (local.set $g01 (f64x2.add (local.get $g01)
            (f64x2.mul (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))
                       (f64x2.splat (f64x2.extract_lane 0 (local.get $u))))))
          (local.set $g23 (f64x2.add (local.get $g23)
            (f64x2.mul (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x2) (local.get $x3))
                       (f64x2.splat (f64x2.extract_lane 0 (local.get $u))))))
          (local.set $g01 (f64x2.add (local.get $g01)
            (f64x2.mul (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))
                       (f64x2.splat (f64x2.extract_lane 1 (local.get $u))))))
          (local.set $g23 (f64x2.add (local.get $g23)
            (f64x2.mul (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x2) (local.get $x3))
                       (f64x2.splat (f64x2.extract_lane 1 (local.get $u))))))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br $columns)))
      (v128.store offset=0 (local.get $sums) (local.get $g01))
      (v128.store offset=16 (local.get $sums) (local.get $g23)))

  ;; Householder reduction, the rank-2 update A ← A − u·eᵀ − e·uᵀ four rows at a time (rankTwoUpdateOfFourRows in
  ;; householderTridiagonal.ts), columns from … to − 1 (an even count; the caller does an odd one left):
  ;; x_r[k] ← x_r[k] − (f_r·e[k] + g_r·u[k]), two columns at a time. u at d, e at e.
  (func (export "rankTwoUpdateFourRows")
      (param $rows i32) (param $stride i32) (param $d i32) (param $e i32) (param $from i32) (param $to i32)
      (param $scalarF0 f64) (param $scalarF1 f64) (param $scalarF2 f64) (param $scalarF3 f64)
      (param $scalarG0 f64) (param $scalarG1 f64) (param $scalarG2 f64) (param $scalarG3 f64)
      (local $row1 i32) (local $row2 i32) (local $row3 i32) (local $k i32) (local $end i32)
      (local $f0 v128) (local $f1 v128) (local $f2 v128) (local $f3 v128)
      (local $g0 v128) (local $g1 v128) (local $g2 v128) (local $g3 v128)
      (local $u v128) (local $v v128)
      (local.set $row1 (i32.add (local.get $rows) (local.get $stride)))
      (local.set $row2 (i32.add (local.get $row1) (local.get $stride)))
      (local.set $row3 (i32.add (local.get $row2) (local.get $stride)))
      (local.set $f0 (f64x2.splat (local.get $scalarF0)))
      (local.set $f1 (f64x2.splat (local.get $scalarF1)))
      (local.set $f2 (f64x2.splat (local.get $scalarF2)))
      (local.set $f3 (f64x2.splat (local.get $scalarF3)))
      (local.set $g0 (f64x2.splat (local.get $scalarG0)))
      (local.set $g1 (f64x2.splat (local.get $scalarG1)))
      (local.set $g2 (f64x2.splat (local.get $scalarG2)))
      (local.set $g3 (f64x2.splat (local.get $scalarG3)))
      (local.set $k (i32.shl (local.get $from) (i32.const 3)))
      (local.set $end (i32.shl (local.get $to) (i32.const 3)))
      (block $done
        (loop $columns
          (br_if $done (i32.ge_u (local.get $k) (local.get $end)))
          (local.set $u (v128.load (i32.add (local.get $d) (local.get $k))))
          (local.set $v (v128.load (i32.add (local.get $e) (local.get $k))))
          (v128.store (i32.add (local.get $rows) (local.get $k))
            (f64x2.sub (v128.load (i32.add (local.get $rows) (local.get $k)))
              (f64x2.add (f64x2.mul (local.get $f0) (local.get $v)) (f64x2.mul (local.get $g0) (local.get $u)))))
          (v128.store (i32.add (local.get $row1) (local.get $k))
            (f64x2.sub (v128.load (i32.add (local.get $row1) (local.get $k)))
              (f64x2.add (f64x2.mul (local.get $f1) (local.get $v)) (f64x2.mul (local.get $g1) (local.get $u)))))
          (v128.store (i32.add (local.get $row2) (local.get $k))
            (f64x2.sub (v128.load (i32.add (local.get $row2) (local.get $k)))
              (f64x2.add (f64x2.mul (local.get $f2) (local.get $v)) (f64x2.mul (local.get $g2) (local.get $u)))))
          (v128.store (i32.add (local.get $row3) (local.get $k))
            (f64x2.sub (v128.load (i32.add (local.get $row3) (local.get $k)))
              (f64x2.add (f64x2.mul (local.get $f3) (local.get $v)) (f64x2.mul (local.get $g3) (local.get $u)))))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br $columns)))))
