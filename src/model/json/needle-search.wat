;; Case-insensitive search for an ASCII needle in bytes, 16 candidate starts at a time (SIMD):
;; a start is a candidate when its first and last bytes match the needle's (folded with 0x20),
;; then the whole needle is compared. Compiled at build time (scripts/wat-plugin.mjs).
;;
;; Memory: the needle (lowercase ASCII) and the bytes where the caller puts them, with at least
;; 16 + needle length readable bytes after the bytes' end (their values do not matter).
;;
;; find(p, end, needle, len): the address of the first occurrence starting in [p, end - len],
;; or -1. A needle byte that is a lowercase letter also matches its uppercase; any other byte
;; matches only itself, so a non-ASCII byte never matches.
(module
  (memory (export "memory") 1)

  (func $matches (param $s i32) (param $needle i32) (param $len i32) (result i32)
    (local $i i32) (local $t i32) (local $n i32)
    (block $no
      (loop $next
        (if (i32.ge_u (local.get $i) (local.get $len)) (then (return (i32.const 1))))
        (local.set $t (i32.load8_u (i32.add (local.get $s) (local.get $i))))
        (local.set $n (i32.load8_u (i32.add (local.get $needle) (local.get $i))))
        (if (i32.ne (local.get $t) (local.get $n))
          (then
            ;; Only a letter's uppercase form may differ: n in a..z and t == n - 32.
            (br_if $no (i32.gt_u (i32.sub (local.get $n) (i32.const 97)) (i32.const 25)))
            (br_if $no (i32.ne (i32.add (local.get $t) (i32.const 32)) (local.get $n)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  (func (export "find") (param $p i32) (param $end i32) (param $needle i32) (param $len i32)
    (result i32)
    (local $first v128) (local $last v128) (local $fold v128)
    (local $bits i32) (local $s i32) (local $stop i32) (local $lastAt i32)
    (if (i32.eqz (local.get $len)) (then (return (i32.const -1))))
    ;; Candidate starts are below $stop.
    (local.set $lastAt (i32.sub (local.get $len) (i32.const 1)))
    (local.set $stop (i32.sub (local.get $end) (local.get $lastAt)))
    (local.set $fold (i8x16.splat (i32.const 0x20)))
    (local.set $first
      (i8x16.splat (i32.or (i32.load8_u (local.get $needle)) (i32.const 0x20))))
    (local.set $last
      (i8x16.splat
        (i32.or (i32.load8_u (i32.add (local.get $needle) (local.get $lastAt))) (i32.const 0x20))))
    (block $done
      (loop $block
        (br_if $done (i32.ge_s (local.get $p) (local.get $stop)))
        (local.set $bits
          (i8x16.bitmask
            (v128.and
              (i8x16.eq (v128.or (v128.load (local.get $p)) (local.get $fold)) (local.get $first))
              (i8x16.eq
                (v128.or (v128.load (i32.add (local.get $p) (local.get $lastAt))) (local.get $fold))
                (local.get $last)))))
        (block $bitsDone
          (loop $bit
            (br_if $bitsDone (i32.eqz (local.get $bits)))
            (local.set $s (i32.add (local.get $p) (i32.ctz (local.get $bits))))
            (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
            (br_if $done (i32.ge_s (local.get $s) (local.get $stop)))
            (if (call $matches (local.get $s) (local.get $needle) (local.get $len))
              (then (return (local.get $s))))
            (br $bit)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $block)))
    (i32.const -1))
)
