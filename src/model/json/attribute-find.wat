  ;; A find's `key=value` term over one OTLP span's bytes (attribute-equality.ts's
  ;; spanHasAttribute, for the shape encoders write): does an attribute of the span, of one of
  ;; its events or of one of its links have this key and this value? Read to the span's end, as
  ;; a repeated member replaces the list a match was found in. Anything but compact JSON with
  ;; attributes in the compact form ({"key":"…","value":{"<type>":<scalar>}}) answers 2 (unsure),
  ;; and the JS reader decides (it reads whitespace, other forms, and tells them from bad bytes).
  ;; Included in skip-value.wat; its own instance (wasm-attribute-find.ts) reads a span at a time.
  ;;
  ;; kvFind(p, end, key, keyLen, value, valueLen): 0 none, 1 found, 2 unsure. The term's bytes
  ;; are lowercase ASCII at key and value; valueLen -1: the key alone (`key=`).

  (global $kvKey (mut i32) (i32.const 0))
  (global $kvKeyLen (mut i32) (i32.const 0))
  (global $kvValue (mut i32) (i32.const 0))
  (global $kvValueLen (mut i32) (i32.const 0))
  ;; An attribute was found; one with the key had a value not read exactly.
  (global $kvFound (mut i32) (i32.const 0))
  (global $kvUnsure (mut i32) (i32.const 0))

  (func (export "kvFind") (param $p i32) (param $end i32) (param $key i32) (param $keyLen i32)
    (param $value i32) (param $valueLen i32) (result i32)
    (global.set $kvKey (local.get $key))
    (global.set $kvKeyLen (local.get $keyLen))
    (global.set $kvValue (local.get $value))
    (global.set $kvValueLen (local.get $valueLen))
    (global.set $kvFound (i32.const 0))
    (global.set $kvUnsure (i32.const 0))
    (if (i32.ne (call $kvObject (local.get $p) (local.get $end) (i32.const 1)) (local.get $end))
      (then (return (i32.const 2))))
    (if (global.get $kvFound) (then (return (i32.const 1))))
    (select (i32.const 2) (i32.const 0) (global.get $kvUnsure)))

  ;; Bytes [a, a + n) equal the term's bytes at b, ASCII letters folded to lowercase.
  (func $kvEqual (param $a i32) (param $n i32) (param $b i32) (param $bn i32) (result i32)
    (local $i i32) (local $c i32)
    (if (i32.ne (local.get $n) (local.get $bn)) (then (return (i32.const 0))))
    (block $differ
      (loop $next
        (if (i32.ge_u (local.get $i) (local.get $n)) (then (return (i32.const 1))))
        (local.set $c (i32.load8_u (i32.add (local.get $a) (local.get $i))))
        (if (i32.lt_u (i32.sub (local.get $c) (i32.const 65)) (i32.const 26))
          (then (local.set $c (i32.add (local.get $c) (i32.const 32)))))
        (br_if $differ
          (i32.ne (local.get $c) (i32.load8_u (i32.add (local.get $b) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  ;; The member name [a, a + n) spells the word of n bytes given as a little-endian i64 (n <= 8)
  ;; or, for "attributes", two words.
  (func $kvNameIs (param $a i32) (param $n i32) (param $word i64) (param $wn i32) (result i32)
    (if (i32.ne (local.get $n) (local.get $wn)) (then (return (i32.const 0))))
    (i64.eq
      (i64.and
        (i64.load align=1 (local.get $a))
        (i64.shr_u (i64.const -1) (i64.extend_i32_u (i32.mul (i32.sub (i32.const 8) (local.get $n)) (i32.const 8)))))
      (local.get $word)))

  ;; An object at p (the span: nested, also its events' and links'): the index after it, or -1
  ;; (unsure). Which lists were seen: 2 attributes, 4 events, 8 links.
  (func $kvObject (param $p i32) (param $end i32) (param $nested i32) (result i32)
    (local $seen i32) (local $name i32) (local $n i32) (local $list i32) (local $b i32)
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 123)) (then (return (i32.const -1))))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 125))
      (then (return (i32.add (local.get $p) (i32.const 1)))))
    (loop $member
      (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 34)) (then (return (i32.const -1))))
      (local.set $name (i32.add (local.get $p) (i32.const 1)))
      (global.set $escaped (i32.const 0))
      (local.set $p (call $string (local.get $p) (local.get $end)))
      (if (i32.or (i32.lt_s (local.get $p) (i32.const 0)) (global.get $escaped))
        (then (return (i32.const -1))))
      (local.set $n (i32.sub (i32.sub (local.get $p) (i32.const 1)) (local.get $name)))
      (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 58)) (then (return (i32.const -1))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (local.set $list (i32.const 0))
      ;; "attributes": "attribut" then "es"
      (if (i32.and
            (i32.eq (local.get $n) (i32.const 10))
            (i32.and
              (i64.eq (i64.load align=1 (local.get $name)) (i64.const 0x7475626972747461))
              (i32.eq (i32.load16_u offset=8 align=1 (local.get $name)) (i32.const 0x7365))))
        (then (local.set $list (i32.const 2))))
      (if (local.get $nested)
        (then
          (if (call $kvNameIs (local.get $name) (local.get $n) (i64.const 0x73746e657665) (i32.const 6))
            (then (local.set $list (i32.const 4))))
          (if (call $kvNameIs (local.get $name) (local.get $n) (i64.const 0x736b6e696c) (i32.const 5))
            (then (local.set $list (i32.const 8))))))
      (if (local.get $list)
        (then
          ;; JSON.parse keeps a repeated member's last value: the first one read may not count.
          (if (i32.and (local.get $seen) (local.get $list)) (then (return (i32.const -1))))
          (local.set $seen (i32.or (local.get $seen) (local.get $list)))
          (local.set $p
            (if (result i32) (i32.eq (local.get $list) (i32.const 2))
              (then (call $kvAttributes (local.get $p) (local.get $end)))
              (else (call $kvObjects (local.get $p) (local.get $end))))))
        (else (local.set $p (call $skip (local.get $p) (local.get $end)))))
      (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -1))))
      (local.set $b (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $b) (i32.const 44))
        (then
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $member)))
      (if (i32.eq (local.get $b) (i32.const 125))
        (then (return (i32.add (local.get $p) (i32.const 1))))))
    (i32.const -1))

  ;; An array of events or links at p: the index after it, or -1.
  (func $kvObjects (param $p i32) (param $end i32) (result i32)
    (local $b i32)
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 91)) (then (return (i32.const -1))))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 93))
      (then (return (i32.add (local.get $p) (i32.const 1)))))
    (loop $element
      (local.set $p (call $kvObject (local.get $p) (local.get $end) (i32.const 0)))
      (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -1))))
      (local.set $b (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $b) (i32.const 44))
        (then
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $element)))
      (if (i32.eq (local.get $b) (i32.const 93))
        (then (return (i32.add (local.get $p) (i32.const 1))))))
    (i32.const -1))

  ;; An attribute list at p: the index after it, or -1.
  (func $kvAttributes (param $p i32) (param $end i32) (result i32)
    (local $b i32)
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 91)) (then (return (i32.const -1))))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 93))
      (then (return (i32.add (local.get $p) (i32.const 1)))))
    (loop $element
      (local.set $p (call $kvAttribute (local.get $p) (local.get $end)))
      (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -1))))
      (local.set $b (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $b) (i32.const 44))
        (then
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $element)))
      (if (i32.eq (local.get $b) (i32.const 93))
        (then (return (i32.add (local.get $p) (i32.const 1))))))
    (i32.const -1))

  ;; One attribute in the compact form at p: the index after it, or -1 for any other form. With
  ;; the term's key, its value is compared as find shows it: a string's text, an integer's digits
  ;; (as a string, or as a number JavaScript prints back the same), true or false; a value not
  ;; read exactly (an escape, another type or form) makes the span unsure unless found elsewhere.
  (func $kvAttribute (param $p i32) (param $end i32) (result i32)
    (local $k i32) (local $match i32) (local $type i32) (local $s i32) (local $e i32)
    (global.set $escaped (i32.const 0))
    ;; {"key":"…","value":{" (skip-value.wat): the type's name starts at s.
    (local.set $s (call $compactHead (local.get $p) (local.get $end)))
    (if (i32.le_s (local.get $s) (i32.const 0)) (then (return (i32.const -1))))
    ;; A key with an escape may decode to the term's: the JS reader decides.
    (if (global.get $escaped) (then (return (i32.const -1))))
    (local.set $match
      (call $kvEqual
        (i32.add (local.get $p) (i32.const 8))
        (i32.sub (i32.sub (local.get $s) (i32.const 12)) (i32.add (local.get $p) (i32.const 8)))
        (global.get $kvKey) (global.get $kvKeyLen)))
    ;; The type: 1 stringValue, 2 intValue, 3 boolValue, 0 another.
    (local.set $k (call $string (i32.sub (local.get $s) (i32.const 1)) (local.get $end)))
    (if (i32.lt_s (local.get $k) (i32.const 0)) (then (return (i32.const -1))))
    (local.set $e (i32.sub (i32.sub (local.get $k) (i32.const 1)) (local.get $s)))
    (if (i32.and
          (i32.eq (local.get $e) (i32.const 11))
          (i32.and
            (i64.eq (i64.load align=1 (local.get $s)) (i64.const 0x6156676e69727473))
            (i32.eq (i32.load offset=7 align=1 (local.get $s)) (i32.const 0x65756c61))))
      (then (local.set $type (i32.const 1))))
    (if (call $kvNameIs (local.get $s) (local.get $e) (i64.const 0x65756c6156746e69) (i32.const 8))
      (then (local.set $type (i32.const 2))))
    (if (i32.and
          (i32.eq (local.get $e) (i32.const 9))
          (i32.and
            (i64.eq (i64.load align=1 (local.get $s)) (i64.const 0x756c61566c6f6f62))
            (i32.eq (i32.load8_u offset=8 (local.get $s)) (i32.const 101))))
      (then (local.set $type (i32.const 3))))
    (if (i32.ne (i32.load8_u (local.get $k)) (i32.const 58)) (then (return (i32.const -1))))
    (local.set $s (i32.add (local.get $k) (i32.const 1)))
    (global.set $escaped (i32.const 0))
    (local.set $e (call $scalar (local.get $s) (local.get $end)))
    (if (i32.le_s (local.get $e) (i32.const 0)) (then (return (i32.const -1))))
    ;; }}
    (if (i32.or
          (i32.ne (i32.load16_u align=1 (local.get $e)) (i32.const 0x7d7d))
          (i32.gt_u (i32.add (local.get $e) (i32.const 2)) (local.get $end)))
      (then (return (i32.const -1))))
    (if (local.get $match)
      (then (call $kvValueIs (local.get $type) (local.get $s) (local.get $e))))
    (i32.add (local.get $e) (i32.const 2)))

  ;; The term's key matched: the value of `type` at [s, e) against the term's value.
  (func $kvValueIs (param $type i32) (param $s i32) (param $e i32)
    (local $quoted i32) (local $from i32) (local $to i32) (local $digits i32) (local $n i32)
    (if (i32.lt_s (global.get $kvValueLen) (i32.const 0))
      (then (global.set $kvFound (i32.const 1)) (return)))
    (local.set $quoted (i32.eq (i32.load8_u (local.get $s)) (i32.const 34)))
    (local.set $from (local.get $s))
    (local.set $to (local.get $e))
    (block $inexact
      (if (local.get $quoted)
        (then
          ;; A string's text, for a string or an integer written as one; not with an escape.
          (br_if $inexact (i32.or (global.get $escaped) (i32.eq (local.get $type) (i32.const 3))))
          (br_if $inexact (i32.eqz (local.get $type)))
          (local.set $from (i32.add (local.get $s) (i32.const 1)))
          (local.set $to (i32.sub (local.get $e) (i32.const 1))))
        (else
          (br_if $inexact (i32.or (i32.eqz (local.get $type)) (i32.eq (local.get $type) (i32.const 1))))
          (if (i32.eq (local.get $type) (i32.const 3))
            (then
              ;; true or false (the scalar is valid): not null, not a number.
              (br_if $inexact
                (i32.eqz
                  (i32.or
                    (i32.eq (i32.load8_u (local.get $s)) (i32.const 116))
                    (i32.eq (i32.load8_u (local.get $s)) (i32.const 102))))))
            (else
              ;; Digits JavaScript prints back the same: 1-15 of them, no fraction, exponent,
              ;; leading zero or -0.
              (local.set $digits
                (i32.add (local.get $s) (i32.eq (i32.load8_u (local.get $s)) (i32.const 45))))
              (local.set $n (i32.sub (local.get $e) (local.get $digits)))
              (br_if $inexact (i32.or (i32.lt_s (local.get $n) (i32.const 1)) (i32.gt_s (local.get $n) (i32.const 15))))
              (br_if $inexact
                (i32.and
                  (i32.eq (i32.load8_u (local.get $digits)) (i32.const 48))
                  (i32.or (i32.gt_s (local.get $n) (i32.const 1)) (i32.gt_u (local.get $digits) (local.get $s)))))
              (block $plain
                (loop $digit
                  (br_if $plain (i32.ge_u (local.get $digits) (local.get $e)))
                  (br_if $inexact (i32.eqz (call $digit (i32.load8_u (local.get $digits)))))
                  (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
                  (br $digit)))))))
      (if (call $kvEqual
            (local.get $from) (i32.sub (local.get $to) (local.get $from))
            (global.get $kvValue) (global.get $kvValueLen))
        (then (global.set $kvFound (i32.const 1))))
      (return))
    (global.set $kvUnsure (i32.const 1)))
