;; skipValue of json-bytes.ts in WebAssembly, with 16-byte SIMD compares for string content
;; (most of a trace's bytes): the same grammar, the same answers (wasm-skipper.test.ts holds them
;; equal on real traces and corrupted ones), and the member loop of otlp-span-bytes.ts's span
;; reader around it (`span`), so that a span's keys and skipped members cost no call from JS.
;; Compiled at build time (scripts/wat-plugin.mjs).
;;
;; Memory: [0, 1024) the open containers (1 object, 2 array); [1024, 1104) `span`'s answers
;; (span-members.wat); [1104, 1172) the last trace id it saw; the caller's bytes from 1280 on
;; (wasm-skipper.ts's BYTES_AT), followed by at least 16 readable bytes (the streaming parser's
;; zero padding). `kvFind` (attribute-find.wat) runs in an instance of its own
;; (wasm-attribute-find.ts): there the find's term is at 1280 and one span after it.
;;
;; Whitespace: compact JSON has none, so each `$space` call is behind a one-byte check where it
;; is made (a call per token was ~5 % of the parse in a Node profile).
;;
;; skip(i, end): i and end are addresses. Returns (index after the value) << 1 | doubt, where
;; doubt is json-bytes.ts's textDoubt (a non-ASCII byte or DEL, or a \u, \/, \b or \f escape in
;; some string); -1 when the bytes are not valid JSON there; -2 when nesting passes 1024 levels
;; (the caller then uses the JS reader, which has no such limit).
(module
  (memory (export "memory") 2)
  (global $doubt (mut i32) (i32.const 0))
  ;; Whether a string read since the caller last reset it held a backslash (span keys may not).
  (global $escaped (mut i32) (i32.const 0))

  (func $space (param $p i32) (param $end i32) (result i32)
    (local $b i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $b (i32.load8_u (local.get $p)))
        (br_if $done
          (i32.eqz
            (i32.or
              (i32.or (i32.eq (local.get $b) (i32.const 32)) (i32.eq (local.get $b) (i32.const 10)))
              (i32.or (i32.eq (local.get $b) (i32.const 13)) (i32.eq (local.get $b) (i32.const 9))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $p))

  (func $hex (param $b i32) (result i32)
    (i32.or
      (i32.lt_u (i32.sub (local.get $b) (i32.const 48)) (i32.const 10))
      (i32.lt_u (i32.sub (i32.or (local.get $b) (i32.const 32)) (i32.const 97)) (i32.const 6))))

  (func $digit (param $b i32) (result i32)
    (i32.lt_u (i32.sub (local.get $b) (i32.const 48)) (i32.const 10)))

  ;; The string whose opening quote is at p: the index after its closing quote, or -1. Each
  ;; 16 bytes are tested for the bytes that need a look: a quote, a backslash, a control byte and,
  ;; until $doubt is set, a byte outside printable ASCII (which sets it); one bitmask, and the
  ;; first such byte, found with ctz, decides.
  (func $string (param $p i32) (param $end i32) (result i32)
    (local $v v128) (local $stop i32) (local $e i32)
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (loop $next
      (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const -1))))
      (local.set $v (v128.load align=1 (local.get $p)))
      (local.set $stop
        (i8x16.bitmask
          (v128.or
            (v128.or
              (i8x16.eq (local.get $v) (i8x16.splat (i32.const 34)))
              (i8x16.eq (local.get $v) (i8x16.splat (i32.const 92))))
            (if (result v128) (global.get $doubt)
              (then (i8x16.lt_u (local.get $v) (i8x16.splat (i32.const 32))))
              ;; Outside 32-126: a control byte, DEL or a non-ASCII byte.
              (else
                (i8x16.gt_u
                  (i8x16.sub (local.get $v) (i8x16.splat (i32.const 32)))
                  (i8x16.splat (i32.const 94))))))))
      (if (i32.eqz (local.get $stop))
        (then
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br $next)))
      (local.set $p (i32.add (local.get $p) (i32.ctz (local.get $stop))))
      (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const -1))))
      (local.set $e (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $e) (i32.const 34))
        (then (return (i32.add (local.get $p) (i32.const 1)))))
      (if (i32.lt_u (local.get $e) (i32.const 32)) (then (return (i32.const -1))))
      (if (i32.ne (local.get $e) (i32.const 92))
        (then
          ;; DEL or a non-ASCII byte: the text is in doubt; the bytes after it are read on.
          (global.set $doubt (i32.const 1))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $next)))
      ;; A backslash: the escape after it.
      (global.set $escaped (i32.const 1))
      (local.set $e (i32.load8_u offset=1 (local.get $p)))
      (if (i32.eq (local.get $e) (i32.const 117))
        (then
          (if (i32.ge_u (i32.add (local.get $p) (i32.const 5)) (local.get $end))
            (then (return (i32.const -1))))
          (if (i32.eqz
                (i32.and
                  (i32.and
                    (call $hex (i32.load8_u offset=2 (local.get $p)))
                    (call $hex (i32.load8_u offset=3 (local.get $p))))
                  (i32.and
                    (call $hex (i32.load8_u offset=4 (local.get $p)))
                    (call $hex (i32.load8_u offset=5 (local.get $p))))))
            (then (return (i32.const -1))))
          (global.set $doubt (i32.const 1))
          (local.set $p (i32.add (local.get $p) (i32.const 6)))
          (br $next)))
      ;; / b f: text a byte search cannot see as it is.
      (if (i32.or
            (i32.eq (local.get $e) (i32.const 47))
            (i32.or (i32.eq (local.get $e) (i32.const 98)) (i32.eq (local.get $e) (i32.const 102))))
        (then
          (global.set $doubt (i32.const 1))
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (br $next)))
      ;; " \ n r t
      (if (i32.or
            (i32.or (i32.eq (local.get $e) (i32.const 34)) (i32.eq (local.get $e) (i32.const 92)))
            (i32.or
              (i32.eq (local.get $e) (i32.const 110))
              (i32.or (i32.eq (local.get $e) (i32.const 114)) (i32.eq (local.get $e) (i32.const 116)))))
        (then
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (br $next)))
      (return (i32.const -1)))
    (i32.const -1))

  ;; A number in JSON's grammar at p: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
  (func $number (param $p i32) (param $end i32) (result i32)
    (local $b i32)
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 45))
      (then (local.set $p (i32.add (local.get $p) (i32.const 1)))))
    (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const -1))))
    (local.set $b (i32.load8_u (local.get $p)))
    (if (i32.eq (local.get $b) (i32.const 48))
      (then (local.set $p (i32.add (local.get $p) (i32.const 1))))
      (else
        (if (call $digit (local.get $b))
          (then (local.set $p (call $digits (local.get $p) (local.get $end))))
          (else (return (i32.const -1))))))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 46))
      (then
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (if (i32.eqz (call $digit (i32.load8_u (local.get $p)))) (then (return (i32.const -1))))
        (local.set $p (call $digits (local.get $p) (local.get $end)))))
    (local.set $b (i32.load8_u (local.get $p)))
    (if (i32.or (i32.eq (local.get $b) (i32.const 101)) (i32.eq (local.get $b) (i32.const 69)))
      (then
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (local.set $b (i32.load8_u (local.get $p)))
        (if (i32.or (i32.eq (local.get $b) (i32.const 43)) (i32.eq (local.get $b) (i32.const 45)))
          (then (local.set $p (i32.add (local.get $p) (i32.const 1)))))
        (if (i32.eqz (call $digit (i32.load8_u (local.get $p)))) (then (return (i32.const -1))))
        (local.set $p (call $digits (local.get $p) (local.get $end)))))
    (if (result i32) (i32.gt_u (local.get $p) (local.get $end))
      (then (i32.const -1))
      (else (local.get $p))))

  (func $digits (param $p i32) (param $end i32) (result i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (br_if $done (i32.eqz (call $digit (i32.load8_u (local.get $p)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $p))

  ;; true, false or null at p.
  (func $literal (param $p i32) (param $end i32) (result i32)
    (local $b i32)
    (local.set $b (i32.load8_u (local.get $p)))
    (if (i32.eq (local.get $b) (i32.const 116)) ;; "true" as a little-endian word
      (then
        (if (i32.gt_u (i32.add (local.get $p) (i32.const 4)) (local.get $end)) (then (return (i32.const -1))))
        (return (select (i32.add (local.get $p) (i32.const 4)) (i32.const -1)
          (i32.eq (i32.load align=1 (local.get $p)) (i32.const 0x65757274))))))
    (if (i32.eq (local.get $b) (i32.const 110)) ;; "null"
      (then
        (if (i32.gt_u (i32.add (local.get $p) (i32.const 4)) (local.get $end)) (then (return (i32.const -1))))
        (return (select (i32.add (local.get $p) (i32.const 4)) (i32.const -1)
          (i32.eq (i32.load align=1 (local.get $p)) (i32.const 0x6c6c756e))))))
    (if (i32.eq (local.get $b) (i32.const 102)) ;; "fals" then "e"
      (then
        (if (i32.gt_u (i32.add (local.get $p) (i32.const 5)) (local.get $end)) (then (return (i32.const -1))))
        (return (select (i32.add (local.get $p) (i32.const 5)) (i32.const -1)
          (i32.and
            (i32.eq (i32.load align=1 (local.get $p)) (i32.const 0x736c6166))
            (i32.eq (i32.load8_u offset=4 (local.get $p)) (i32.const 101)))))))
    (i32.const -1))

  ;; `"key" :` at p: where the member's value starts, or -1.
  (func $key (param $p i32) (param $end i32) (result i32)
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 34)) (then (return (i32.const -1))))
    (local.set $p (call $string (local.get $p) (local.get $end)))
    (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -1))))
    (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 32))
      (then (local.set $p (call $space (local.get $p) (local.get $end)))))
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 58)) (then (return (i32.const -1))))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (if (result i32) (i32.le_u (i32.load8_u (local.get $p)) (i32.const 32))
      (then (call $space (local.get $p) (local.get $end)))
      (else (local.get $p))))

  ;; A string, number, true, false or null at p: the index after it; 0 when no scalar starts
  ;; there (a container, whitespace, any other byte); -1 when one starts but is malformed.
  (func $scalar (param $p i32) (param $end i32) (result i32)
    (local $b i32)
    (local.set $b (i32.load8_u (local.get $p)))
    (if (i32.eq (local.get $b) (i32.const 34)) (then (return (call $string (local.get $p) (local.get $end)))))
    (if (i32.or (i32.eq (local.get $b) (i32.const 45)) (call $digit (local.get $b)))
      (then (return (call $number (local.get $p) (local.get $end)))))
    (if (i32.or
          (i32.eq (local.get $b) (i32.const 116))
          (i32.or (i32.eq (local.get $b) (i32.const 102)) (i32.eq (local.get $b) (i32.const 110))))
      (then (return (call $literal (local.get $p) (local.get $end)))))
    (i32.const 0))

  ;; An OTLP attribute in the compact form encoders write, {"key":"…","value":{"<type>":<scalar>}},
  ;; at p (a `{`): the index after it; 0 when not that form (the general grammar reads it then);
  ;; -1 only where the general grammar fails too (a malformed or cut-off string or scalar, read
  ;; by the same functions). json-bytes.ts's skipKeyValue, byte for byte: most of a realistic
  ;; span's bytes are such attributes, and their fixed bytes are two or three word compares here
  ;; instead of a key, a colon and a container each through the general grammar.
  ;; The fixed head of that form at p, {"key":"…","value":{": where the type's name starts (after
  ;; its opening quote); 0 when the bytes are not that head, -1 when the key's string is malformed.
  ;; The key runs from p + 8 to the returned index - 12.
  (func $compactHead (param $p i32) (param $end i32) (result i32)
    (local $k i32)
    ;; {"key":"
    (if (i32.gt_u (i32.add (local.get $p) (i32.const 8)) (local.get $end)) (then (return (i32.const 0))))
    (if (i64.ne (i64.load align=1 (local.get $p)) (i64.const 0x223a2279656b227b))
      (then (return (i32.const 0))))
    (local.set $k (call $string (i32.add (local.get $p) (i32.const 7)) (local.get $end)))
    (if (i32.lt_s (local.get $k) (i32.const 0)) (then (return (i32.const -1))))
    ;; ,"value":{" as two overlapping words
    (if (i32.gt_u (i32.add (local.get $k) (i32.const 11)) (local.get $end)) (then (return (i32.const 0))))
    (if (i32.or
          (i64.ne (i64.load align=1 (local.get $k)) (i64.const 0x2265756c6176222c))
          (i64.ne (i64.load offset=3 align=1 (local.get $k)) (i64.const 0x227b3a2265756c61)))
      (then (return (i32.const 0))))
    (i32.add (local.get $k) (i32.const 11)))

  (func $keyValue (param $p i32) (param $end i32) (result i32)
    (local $k i32)
    (local.set $k (call $compactHead (local.get $p) (local.get $end)))
    (if (i32.le_s (local.get $k) (i32.const 0)) (then (return (local.get $k))))
    ;; The type's name is any string: which one does not change what is valid JSON. The two
    ;; most encoders write, "stringValue" and "intValue", are told by their bytes (a third of the
    ;; strings of an attribute list); any other is read as a string.
    (if (i32.and
          (i32.le_u (i32.add (local.get $k) (i32.const 12)) (local.get $end))
          (i32.and
            (i64.eq (i64.load align=1 (local.get $k)) (i64.const 0x6156676e69727473))
            (i32.eq (i32.load offset=8 align=1 (local.get $k)) (i32.const 0x2265756c))))
      (then (local.set $k (i32.add (local.get $k) (i32.const 12))))
      (else
        (if (i32.and
              (i32.le_u (i32.add (local.get $k) (i32.const 9)) (local.get $end))
              (i32.and
                (i64.eq (i64.load align=1 (local.get $k)) (i64.const 0x65756c6156746e69))
                (i32.eq (i32.load8_u offset=8 (local.get $k)) (i32.const 34))))
          (then (local.set $k (i32.add (local.get $k) (i32.const 9))))
          (else
            (local.set $k (call $string (i32.sub (local.get $k) (i32.const 1)) (local.get $end)))
            (if (i32.lt_s (local.get $k) (i32.const 0)) (then (return (i32.const -1))))))))
    (if (i32.or
          (i32.ne (i32.load8_u (local.get $k)) (i32.const 58))
          (i32.ge_u (i32.add (local.get $k) (i32.const 1)) (local.get $end)))
      (then (return (i32.const 0))))
    ;; Whitespace or a container: the general grammar's.
    (local.set $k (call $scalar (i32.add (local.get $k) (i32.const 1)) (local.get $end)))
    (if (i32.le_s (local.get $k) (i32.const 0)) (then (return (local.get $k))))
    ;; }}
    (if (i32.and
          (i32.eq (i32.load16_u align=1 (local.get $k)) (i32.const 0x7d7d))
          (i32.le_u (i32.add (local.get $k) (i32.const 2)) (local.get $end)))
      (then (return (i32.add (local.get $k) (i32.const 2)))))
    (i32.const 0))

  (func (export "skip") (param $p i32) (param $end i32) (result i32)
    (global.set $doubt (i32.const 0))
    (local.set $p (call $skip (local.get $p) (local.get $end)))
    (if (result i32) (i32.lt_s (local.get $p) (i32.const 0))
      (then (local.get $p))
      (else (i32.or (i32.shl (local.get $p) (i32.const 1)) (global.get $doubt)))))

  ;; The value at p: the index after it, -1 or -2 as `skip` says; $doubt is set, never cleared.
  (func $skip (param $p i32) (param $end i32) (result i32)
    (local $depth i32) (local $b i32) (local $inObject i32) (local $whole i32)
    (loop $value
      ;; A value is expected at p.
      (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const -1))))
      (local.set $b (i32.load8_u (local.get $p)))
      (block $scalarDone
        (if (i32.eq (local.get $b) (i32.const 123))
          (then
            (local.set $whole (call $keyValue (local.get $p) (local.get $end)))
            (if (local.get $whole)
              (then (local.set $p (local.get $whole)) (br $scalarDone)))))
        (if (i32.or (i32.eq (local.get $b) (i32.const 123)) (i32.eq (local.get $b) (i32.const 91)))
          (then
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 32))
              (then (local.set $p (call $space (local.get $p) (local.get $end)))))
            ;; } is { + 2, ] is [ + 2
            (if (i32.eq (i32.load8_u (local.get $p)) (i32.add (local.get $b) (i32.const 2)))
              (then
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $scalarDone)))
            (if (i32.ge_u (local.get $depth) (i32.const 1024)) (then (return (i32.const -2))))
            (i32.store8 (local.get $depth)
              (select (i32.const 1) (i32.const 2) (i32.eq (local.get $b) (i32.const 123))))
            (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
            (if (i32.eq (local.get $b) (i32.const 123))
              (then
                (local.set $p (call $key (local.get $p) (local.get $end)))
                (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -1))))))
            (br $value)))
        ;; No value starts at p: not JSON.
        (local.set $p (call $scalar (local.get $p) (local.get $end)))
        (if (i32.eqz (local.get $p)) (then (return (i32.const -1)))))
      ;; After a complete value: close containers, or find the next member.
      (loop $after
        (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -1))))
        (if (i32.eqz (local.get $depth)) (then (return (local.get $p))))
        (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 32))
          (then (local.set $p (call $space (local.get $p) (local.get $end)))))
        (local.set $b (i32.load8_u (local.get $p)))
        (local.set $inObject
          (i32.eq (i32.load8_u (i32.sub (local.get $depth) (i32.const 1))) (i32.const 1)))
        (if (i32.eq (local.get $b) (i32.const 44))
          (then
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 32))
              (then (local.set $p (call $space (local.get $p) (local.get $end)))))
            (if (local.get $inObject)
              (then
                (local.set $p (call $key (local.get $p) (local.get $end)))
                (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -1))))))
            (br $value)))
        (if (i32.ne (local.get $b) (select (i32.const 125) (i32.const 93) (local.get $inObject)))
          (then (return (i32.const -1))))
        (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $after)))
    (i32.const -1))

  ;; include "span-members.wat"
  ;; include "attribute-find.wat"
)
