;; An OTLP span's members read in WebAssembly: included into skip-value.wat's module (its
;; $string, $space, $skip and $digit), compiled as one (scripts/wat-plugin.mjs).

  ;; The field number of the key whose n name bytes start at k (otlp-span-bytes.ts's FIELDS):
  ;; 0 traceId, 1 spanId, 2 parentSpanId, 3 name, 4 kind, 5 startTimeUnixNano,
  ;; 6 endTimeUnixNano, 7 status, 8 links, 9 traceState; -1 for any other key. The constants
  ;; are the names' bytes as little-endian words; loads past the name read the closing quote,
  ;; the value or the padding, and the masks drop them.
  (func $field (param $k i32) (param $n i32) (result i32)
    (local $a i64)
    (local.set $a (i64.load align=1 (local.get $k)))
    (if (i32.eq (local.get $n) (i32.const 4))
      (then
        (local.set $a (i64.and (local.get $a) (i64.const 0xffffffff)))
        (if (i64.eq (local.get $a) (i64.const 0x656d616e)) (then (return (i32.const 3))))
        (if (i64.eq (local.get $a) (i64.const 0x646e696b)) (then (return (i32.const 4))))
        (return (i32.const -1))))
    (if (i32.eq (local.get $n) (i32.const 5))
      (then
        (return (select (i32.const 8) (i32.const -1)
          (i64.eq (i64.and (local.get $a) (i64.const 0xffffffffff)) (i64.const 0x736b6e696c))))))
    (if (i32.eq (local.get $n) (i32.const 6))
      (then
        (local.set $a (i64.and (local.get $a) (i64.const 0xffffffffffff)))
        (if (i64.eq (local.get $a) (i64.const 0x64496e617073)) (then (return (i32.const 1))))
        (if (i64.eq (local.get $a) (i64.const 0x737574617473)) (then (return (i32.const 7))))
        (return (i32.const -1))))
    (if (i32.eq (local.get $n) (i32.const 7))
      (then
        (return (select (i32.const 0) (i32.const -1)
          (i64.eq (i64.and (local.get $a) (i64.const 0xffffffffffffff)) (i64.const 0x64496563617274))))))
    (if (i32.eq (local.get $n) (i32.const 10))
      (then
        (return (select (i32.const 9) (i32.const -1)
          (i32.and
            (i64.eq (local.get $a) (i64.const 0x6174536563617274))
            (i32.eq (i32.load16_u offset=8 align=1 (local.get $k)) (i32.const 0x6574)))))))
    (if (i32.eq (local.get $n) (i32.const 12))
      (then
        (return (select (i32.const 2) (i32.const -1)
          (i32.and
            (i64.eq (local.get $a) (i64.const 0x7053746e65726170))
            (i32.eq (i32.load offset=8 align=1 (local.get $k)) (i32.const 0x64496e61)))))))
    (if (i32.eq (local.get $n) (i32.const 15))
      (then
        (return (select (i32.const 6) (i32.const -1)
          (i32.and
            (i64.eq (local.get $a) (i64.const 0x55656d6954646e65))
            (i64.eq
              (i64.and (i64.load offset=8 align=1 (local.get $k)) (i64.const 0xffffffffffffff))
              (i64.const 0x6f6e614e78696e)))))))
    (if (i32.eq (local.get $n) (i32.const 17))
      (then
        (return (select (i32.const 5) (i32.const -1)
          (i32.and
            (i32.and
              (i64.eq (local.get $a) (i64.const 0x6d69547472617473))
              (i64.eq (i64.load offset=8 align=1 (local.get $k)) (i64.const 0x6e614e78696e5565)))
            (i32.eq (i32.load8_u offset=16 (local.get $k)) (i32.const 111)))))))
    (i32.const -1))

  ;; span(p, end): the object at p read as otlp-span-bytes.ts's JS loop reads a span, members
  ;; validated and skipped; where each known member's (last) value starts goes to the ten i32s
  ;; at 1024 (-1: absent). Returns (index after the object) << 1 | doubt, -1 when the bytes are
  ;; not a span the reader is sure about (as the JS reader: also a key with a backslash), -2
  ;; when nesting passes the container stack.
  (func (export "span") (param $p i32) (param $end i32) (result i32)
    (local $k i32) (local $field i32) (local $b i32)
    (global.set $doubt (i32.const 0))
    (i64.store (i32.const 1024) (i64.const -1))
    (i64.store (i32.const 1032) (i64.const -1))
    (i64.store (i32.const 1040) (i64.const -1))
    (i64.store (i32.const 1048) (i64.const -1))
    (i64.store (i32.const 1056) (i64.const -1))
    (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const -1))))
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 123)) (then (return (i32.const -1))))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 32))
      (then (local.set $p (call $space (local.get $p) (local.get $end)))))
    (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const -1))))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 125))
      (then
        (return (call $spanRead (i32.add (local.get $p) (i32.const 1)) (local.get $end)))))
    (loop $member
      (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 34)) (then (return (i32.const -1))))
      (global.set $escaped (i32.const 0))
      (local.set $k (call $string (local.get $p) (local.get $end)))
      (if (i32.lt_s (local.get $k) (i32.const 0)) (then (return (i32.const -1))))
      (if (global.get $escaped) (then (return (i32.const -1))))
      (local.set $field
        (call $field
          (i32.add (local.get $p) (i32.const 1))
          (i32.sub (i32.sub (local.get $k) (local.get $p)) (i32.const 2))))
      (local.set $p (local.get $k))
      (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 32))
        (then (local.set $p (call $space (local.get $p) (local.get $end)))))
      (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 58)) (then (return (i32.const -1))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 32))
        (then (local.set $p (call $space (local.get $p) (local.get $end)))))
      (if (i32.ge_s (local.get $field) (i32.const 0))
        (then
          (i32.store
            (i32.add (i32.const 1024) (i32.shl (local.get $field) (i32.const 2)))
            (local.get $p))))
      (local.set $p (call $skip (local.get $p) (local.get $end)))
      (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (local.get $p))))
      (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 32))
        (then (local.set $p (call $space (local.get $p) (local.get $end)))))
      (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const -1))))
      (local.set $b (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $b) (i32.const 125))
        (then
          (return (call $spanRead (i32.add (local.get $p) (i32.const 1)) (local.get $end)))))
      (if (i32.ne (local.get $b) (i32.const 44)) (then (return (i32.const -1))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 32))
        (then (local.set $p (call $space (local.get $p) (local.get $end)))))
      (br $member))
    (i32.const -1))

  ;; After a span's members: its ids and times read from their bytes where they have the common
  ;; form, as otlp-span-bytes.ts's readHexKey and readNanos read them (the same arithmetic), and
  ;; whether its trace id spells the one before it. Flags at 1064: 1 span id, 2 parent id
  ;; (halves at 1068 and 1076), 4 start, 8 end (f64 µs at 1088 and 1096), 16 the trace id as the
  ;; last one. Returns `span`'s answer for the object ending before `after`.
  (func $spanRead (param $after i32) (param $end i32) (result i32)
    (local $flags i32) (local $at i32)
    (local.set $at (i32.load (i32.const 1028)))
    (if (i32.ge_s (local.get $at) (i32.const 0))
      (then (local.set $flags (call $hexKey (local.get $at) (local.get $end) (i32.const 1068)))))
    (local.set $at (i32.load (i32.const 1032)))
    (if (i32.ge_s (local.get $at) (i32.const 0))
      (then
        (local.set $flags
          (i32.or (local.get $flags)
            (i32.shl (call $hexKey (local.get $at) (local.get $end) (i32.const 1076)) (i32.const 1))))))
    (local.set $at (i32.load (i32.const 1044)))
    (if (i32.ge_s (local.get $at) (i32.const 0))
      (then
        (local.set $flags
          (i32.or (local.get $flags)
            (i32.shl (call $nanos (local.get $at) (local.get $end) (i32.const 1088)) (i32.const 2))))))
    (local.set $at (i32.load (i32.const 1048)))
    (if (i32.ge_s (local.get $at) (i32.const 0))
      (then
        (local.set $flags
          (i32.or (local.get $flags)
            (i32.shl (call $nanos (local.get $at) (local.get $end) (i32.const 1096)) (i32.const 3))))))
    (local.set $at (i32.load (i32.const 1024)))
    (if (i32.ge_s (local.get $at) (i32.const 0))
      (then
        (local.set $flags
          (i32.or (local.get $flags)
            (i32.shl (call $sameTraceId (local.get $at) (local.get $end)) (i32.const 4))))))
    (i32.store (i32.const 1064) (local.get $flags))
    (i32.or (i32.shl (local.get $after) (i32.const 1)) (global.get $doubt)))

  ;; readHexKey: a quoted id of leading zeros and up to 16 lowercase hex digits at p into the
  ;; halves at $to; 1 when read, 0 for any other value. A digit's value is taken without a branch
  ;; on whether it is 0-9 or a-f: random ids mix both, and that branch was mispredicted a few
  ;; times an id.
  (func $hexKey (param $p i32) (param $end i32) (param $to i32) (result i32)
    (local $k i32) (local $stop i32) (local $key i64) (local $b i32) (local $letter i32)
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 34)) (then (return (i32.const 0))))
    (local.set $k (i32.add (local.get $p) (i32.const 1)))
    (block $done
      (loop $zero
        (br_if $done (i32.ge_u (local.get $k) (local.get $end)))
        (br_if $done (i32.ne (i32.load8_u (local.get $k)) (i32.const 48)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $zero)))
    (local.set $stop (i32.add (local.get $k) (i32.const 17)))
    (if (i32.lt_u (local.get $end) (local.get $stop)) (then (local.set $stop (local.get $end))))
    (block $done
      (loop $digit
        (br_if $done (i32.ge_u (local.get $k) (local.get $stop)))
        (local.set $b (i32.load8_u (local.get $k)))
        (local.set $letter (i32.lt_u (i32.sub (local.get $b) (i32.const 97)) (i32.const 6)))
        (br_if $done
          (i32.eqz
            (i32.or
              (i32.lt_u (i32.sub (local.get $b) (i32.const 48)) (i32.const 10))
              (local.get $letter))))
        ;; '0'-'9' and 'a'-'f' end in their value's low bits, less 9 for a letter.
        (local.set $key
          (i64.or
            (i64.shl (local.get $key) (i64.const 4))
            (i64.extend_i32_u
              (i32.add
                (i32.and (local.get $b) (i32.const 15))
                (i32.mul (local.get $letter) (i32.const 9))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $digit)))
    (if (i32.ge_u (local.get $k) (local.get $end)) (then (return (i32.const 0))))
    (if (i32.ne (i32.load8_u (local.get $k)) (i32.const 34)) (then (return (i32.const 0))))
    (if (i32.eq (local.get $k) (local.get $stop)) (then (return (i32.const 0))))
    (i32.store (local.get $to) (i32.wrap_i64 (i64.shr_u (local.get $key) (i64.const 32))))
    (i32.store offset=4 (local.get $to) (i32.wrap_i64 (local.get $key)))
    (i32.const 1))

  ;; readNanos' common form: a quoted run of 4 to 19 digits whose whole µs stay below 2^53, as
  ;; µs (whole + last three digits / 1000) at $to; 1 when read, else 0. The digits are summed as
  ;; one u64 (19 digits stay below 2^64): the whole µs are then exact, as readNanos' f64 steps are
  ;; exact below 2^53, and a sum past 2^53 is refused by both. An f64 multiply-add per digit was a
  ;; chain of ~8 cycles each, ~4 % of a 1M load's parse.
  (func $nanos (param $p i32) (param $end i32) (param $to i32) (result i32)
    (local $k i32) (local $stop i32) (local $count i32) (local $d i32) (local $all i64)
    (local $whole i64)
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 34)) (then (return (i32.const 0))))
    (local.set $k (i32.add (local.get $p) (i32.const 1)))
    (local.set $stop (i32.add (local.get $p) (i32.const 21)))
    (if (i32.lt_u (local.get $end) (local.get $stop)) (then (local.set $stop (local.get $end))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $stop)))
        (local.set $d (i32.sub (i32.load8_u (local.get $k)) (i32.const 48)))
        (br_if $done (i32.ge_u (local.get $d) (i32.const 10)))
        (local.set $all
          (i64.add (i64.mul (local.get $all) (i64.const 10)) (i64.extend_i32_u (local.get $d))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.set $count (i32.sub (i32.sub (local.get $k) (local.get $p)) (i32.const 1)))
    (if (i32.ne (i32.load8_u (local.get $k)) (i32.const 34)) (then (return (i32.const 0))))
    (if (i32.or (i32.le_u (local.get $count) (i32.const 3)) (i32.gt_u (local.get $count) (i32.const 19)))
      (then (return (i32.const 0))))
    (local.set $whole (i64.div_u (local.get $all) (i64.const 1000)))
    (if (i64.gt_u (local.get $whole) (i64.const 9007199254740991)) (then (return (i32.const 0))))
    (f64.store (local.get $to)
      (f64.add
        (f64.convert_i64_u (local.get $whole))
        (f64.div
          (f64.convert_i64_u (i64.rem_u (local.get $all) (i64.const 1000)))
          (f64.const 1000))))
    (i32.const 1))

  ;; Whether the trace id at p is a plain string of at most 64 bytes that spells the last one
  ;; kept at 1108 (length at 1104, -1: none); 0 keeps this one instead (or none, if not plain).
  (func $sameTraceId (param $p i32) (param $end i32) (result i32)
    (local $after i32) (local $n i32) (local $k i32)
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 34))
      (then (i32.store (i32.const 1104) (i32.const -1)) (return (i32.const 0))))
    (global.set $escaped (i32.const 0))
    (local.set $after (call $string (local.get $p) (local.get $end)))
    (local.set $n (i32.sub (i32.sub (local.get $after) (local.get $p)) (i32.const 2)))
    (if (i32.or (global.get $escaped) (i32.gt_u (local.get $n) (i32.const 64)))
      (then (i32.store (i32.const 1104) (i32.const -1)) (return (i32.const 0))))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (if (i32.eq (local.get $n) (i32.load (i32.const 1104)))
      (then
        (block $differs
          (loop $next
            (if (i32.ge_u (local.get $k) (local.get $n)) (then (return (i32.const 1))))
            (br_if $differs
              (i32.ne
                (i32.load8_u (i32.add (local.get $p) (local.get $k)))
                (i32.load8_u offset=1108 (local.get $k))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $next)))))
    (memory.copy (i32.const 1108) (local.get $p) (local.get $n))
    (i32.store (i32.const 1104) (local.get $n))
    (i32.const 0))
