;; The QL sweeps' plane rotations (see rotationSweeps.ts) in WebAssembly with 128-bit SIMD: two entries per operation.
;; Assembled by scripts/build-wasm.js into rotationKernelBinary.ts; wasmRotationSweeps.ts runs it.
;;
;; Layout: the matrix whose rows i and i + 1 rotation i mixes, row r at byte matrix + r·stride (stride a multiple of
;; 64 bytes, the padding zero). Each rotation updates the two rows entry by entry, so the entries of a row go two to a
;; v128, and a block of 8 (sweep) or 4 (sweepPair) entries carries its running value down the chain in registers, as
;; the TypeScript kernel carries four rows. Every entry meets exactly the operations of rotationSweeps.ts, in the same
;; order, without fused multiply-adds: the results are the same to the bit.
;;
;; Rotation i has cosine f64 at cosines + 8·i and sine at sines + 8·i.
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
)
