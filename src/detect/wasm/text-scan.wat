;; The matcher's per-character loops in WebAssembly: normalize.ts's normalizeInto and
;; aho-corasick.ts's scan, the same rules over the same tables. A content script runs on every page
;; cold, where these loops run in V8's interpreter while TurboFan compiles them (10 ms for 50 K
;; characters); WebAssembly is compiled before it runs, so the first page is as fast as the next.
;;
;; The text comes in as UTF-8 (TextEncoder.encodeInto writes it into this memory natively); offsets
;; go out in UTF-16 code units, as JavaScript counts them. Letters beyond ASCII are classified by
;; JavaScript (`env.other`, the same function normalize.ts uses), once per code point per instance.
;;
;; wasm-text-scanner.ts lays out the memory and copies the tables in; `npm run build:wasm` turns this
;; file into text-scan-binary.ts, and a unit test checks that the two agree.
(module
  (import "env" "other" (func $other (param i32) (result i32)))
  (memory (export "memory") 1)

  ;; Byte addresses of the tables, set once by `setup`. Each table holds i32s.
  (global $ascii (mut i32) (i32.const 0))    ;; 128: the symbol of each ASCII code
  (global $cache (mut i32) (i32.const 0))    ;; 65,536: the symbol of each other BMP code point, 0 = not asked yet
  (global $rowStart (mut i32) (i32.const 0)) ;; per state: its dense row's first element, or -1
  (global $dense (mut i32) (i32.const 0))    ;; 38 per dense state
  (global $slots (mut i32) (i32.const 0))    ;; edge hash: (state, symbol, target) triples, -1 = empty
  (global $mask (mut i32) (i32.const 0))
  (global $shift (mut i32) (i32.const 0))
  (global $fail (mut i32) (i32.const 0))
  (global $report (mut i32) (i32.const 0))   ;; per state: the first state whose pattern ends here, or -1
  (global $dict (mut i32) (i32.const 0))
  (global $out (mut i32) (i32.const 0))
  ;; The last run's number of normalized symbols.
  (global $length (export "length") (mut i32) (i32.const 0))

  (func (export "setup")
    (param $ascii i32) (param $cache i32) (param $rowStart i32) (param $dense i32) (param $slots i32)
    (param $mask i32) (param $shift i32) (param $fail i32) (param $report i32) (param $dict i32) (param $out i32)
    (global.set $ascii (local.get $ascii))
    (global.set $cache (local.get $cache))
    (global.set $rowStart (local.get $rowStart))
    (global.set $dense (local.get $dense))
    (global.set $slots (local.get $slots))
    (global.set $mask (local.get $mask))
    (global.set $shift (local.get $shift))
    (global.set $fail (local.get $fail))
    (global.set $report (local.get $report))
    (global.set $dict (local.get $dict))
    (global.set $out (local.get $out)))

  ;; The symbol of a BMP code point beyond ASCII, asked of JavaScript the first time.
  (func $symbolOf (param $cp i32) (result i32)
    (local $at i32) (local $sym i32)
    (local.set $at (i32.add (global.get $cache) (i32.shl (local.get $cp) (i32.const 2))))
    (local.set $sym (i32.load (local.get $at)))
    (if (i32.eqz (local.get $sym))
      (then
        (local.set $sym (call $other (local.get $cp)))
        (i32.store (local.get $at) (local.get $sym))))
    (local.get $sym))

  ;; normalizeInto: UTF-8 bytes [in, in + bytes) to symbols and their UTF-16 starts; returns the count.
  ;; Symbols: 0 break, 1 separator, 2-11 digits, 12-37 a-z, other letters code point + 64.
  (func $normalize (param $in i32) (param $bytes i32) (param $symbols i32) (param $starts i32) (result i32)
    (local $p i32) (local $end i32) (local $i i32) (local $b i32) (local $sym i32)
    (local $prev i32) ;; the last symbol written: 0 break, 1 separator, -2 letter, -3 digit
    (local $len i32)
    (local.set $p (local.get $in))
    (local.set $end (i32.add (local.get $in) (local.get $bytes)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $b (i32.load8_u (local.get $p)))
        (if (i32.lt_u (local.get $b) (i32.const 0x80))
          (then
            (local.set $sym (i32.load (i32.add (global.get $ascii) (i32.shl (local.get $b) (i32.const 2)))))
            (local.set $p (i32.add (local.get $p) (i32.const 1))))
          (else
            (if (i32.lt_u (local.get $b) (i32.const 0xe0))
              (then
                (local.set $sym (call $symbolOf
                  (i32.or
                    (i32.shl (i32.and (local.get $b) (i32.const 0x1f)) (i32.const 6))
                    (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f)))))
                (local.set $p (i32.add (local.get $p) (i32.const 2))))
              (else
                (if (i32.lt_u (local.get $b) (i32.const 0xf0))
                  (then
                    (local.set $sym (call $symbolOf
                      (i32.or
                        (i32.or
                          (i32.shl (i32.and (local.get $b) (i32.const 0x0f)) (i32.const 12))
                          (i32.shl (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f)) (i32.const 6)))
                        (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3f)))))
                    (local.set $p (i32.add (local.get $p) (i32.const 3))))
                  (else
                    ;; Beyond the BMP (emoji and the like): two UTF-16 units, both separators in
                    ;; normalize.ts. The first is handled here; the count below skips the second.
                    (local.set $sym (i32.const 1))
                    (local.set $p (i32.add (local.get $p) (i32.const 4)))))))))
        (if (i32.gt_s (local.get $sym) (i32.const 1))
          (then
            ;; A letter or a digit.
            (if (i32.lt_s (local.get $sym) (i32.const 12))
              (then
                ;; A digit; after a letter, the zero-width separator of "gpt4o".
                (if (i32.eq (local.get $prev) (i32.const -2))
                  (then
                    (i32.store (i32.add (local.get $symbols) (i32.shl (local.get $len) (i32.const 2))) (i32.const 1))
                    (i32.store (i32.add (local.get $starts) (i32.shl (local.get $len) (i32.const 2))) (local.get $i))
                    (local.set $len (i32.add (local.get $len) (i32.const 1)))))
                (local.set $prev (i32.const -3)))
              (else (local.set $prev (i32.const -2))))
            (i32.store (i32.add (local.get $symbols) (i32.shl (local.get $len) (i32.const 2))) (local.get $sym))
            (i32.store (i32.add (local.get $starts) (i32.shl (local.get $len) (i32.const 2))) (local.get $i))
            (local.set $len (i32.add (local.get $len) (i32.const 1))))
          (else
            (if (i32.eq (local.get $sym) (i32.const 1))
              (then
                ;; A run of separators is one; none opens a block.
                (if (i32.lt_s (local.get $prev) (i32.const 0))
                  (then
                    (i32.store (i32.add (local.get $symbols) (i32.shl (local.get $len) (i32.const 2))) (i32.const 1))
                    (i32.store (i32.add (local.get $starts) (i32.shl (local.get $len) (i32.const 2))) (local.get $i))
                    (local.set $len (i32.add (local.get $len) (i32.const 1)))
                    (local.set $prev (i32.const 1)))))
              (else
                (if (i32.eq (local.get $prev) (i32.const 1))
                  (then
                    ;; A separator right before a break becomes the break.
                    (i32.store (i32.add (local.get $symbols) (i32.shl (i32.sub (local.get $len) (i32.const 1)) (i32.const 2))) (i32.const 0))
                    (local.set $prev (i32.const 0)))
                  (else
                    (if (i32.ne (local.get $prev) (i32.const 0))
                      (then
                        (i32.store (i32.add (local.get $symbols) (i32.shl (local.get $len) (i32.const 2))) (i32.const 0))
                        (i32.store (i32.add (local.get $starts) (i32.shl (local.get $len) (i32.const 2))) (local.get $i))
                        (local.set $len (i32.add (local.get $len) (i32.const 1)))
                        (local.set $prev (i32.const 0))))))))))
        ;; One UTF-16 unit per character, two for a four-byte one.
        (local.set $i (i32.add (local.get $i)
          (select (i32.const 2) (i32.const 1) (i32.ge_u (local.get $b) (i32.const 0xf0)))))
        (br $next)))
    (local.get $len))

  ;; The full transition from $state on $sym, failure links followed (aho-corasick.ts's transition).
  (func $delta (param $state i32) (param $sym i32) (result i32)
    (local $r i32) (local $h i32) (local $slot i32) (local $at i32) (local $from i32)
    (loop $fallback
      (local.set $r (i32.load (i32.add (global.get $rowStart) (i32.shl (local.get $state) (i32.const 2)))))
      (if (i32.and (i32.ge_s (local.get $r) (i32.const 0)) (i32.lt_u (local.get $sym) (i32.const 38)))
        (then (return (i32.load (i32.add (global.get $dense) (i32.shl (i32.add (local.get $r) (local.get $sym)) (i32.const 2)))))))
      ;; slotOf: multiplicative hash of (state, symbol), top bits.
      (local.set $h (i32.xor (i32.mul (local.get $state) (i32.const 0x9e3779b1)) (local.get $sym)))
      (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))))
      (local.set $h (i32.mul (local.get $h) (i32.const 0x85ebca6b)))
      (local.set $slot (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))) (global.get $shift)))
      (block $absent
        (loop $probe
          (local.set $at (i32.add (global.get $slots) (i32.mul (local.get $slot) (i32.const 12))))
          (local.set $from (i32.load (local.get $at)))
          (br_if $absent (i32.eq (local.get $from) (i32.const -1)))
          (if (i32.and (i32.eq (local.get $from) (local.get $state)) (i32.eq (i32.load offset=4 (local.get $at)) (local.get $sym)))
            (then (return (i32.load offset=8 (local.get $at)))))
          (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $mask)))
          (br $probe)))
      (if (i32.eqz (local.get $state)) (then (return (i32.const 0))))
      (local.set $state (i32.load (i32.add (global.get $fail) (i32.shl (local.get $state) (i32.const 2)))))
      (br $fallback))
    (unreachable))

  ;; Normalize the UTF-8 text, then run the automaton over its symbols, writing (pattern, end) pairs
  ;; from $hits on, growing the memory when they reach its end. Returns the number of pairs; the
  ;; number of symbols is in `length`.
  (func (export "run") (param $in i32) (param $bytes i32) (param $symbols i32) (param $starts i32) (param $hits i32) (result i32)
    (local $len i32) (local $k i32) (local $sym i32) (local $state i32) (local $at i32) (local $node i32)
    (local $q i32) (local $limit i32) (local $count i32)
    (local.set $len (call $normalize (local.get $in) (local.get $bytes) (local.get $symbols) (local.get $starts)))
    (global.set $length (local.get $len))
    (local.set $q (local.get $hits))
    (local.set $limit (i32.shl (memory.size) (i32.const 16)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $len)))
        (local.set $sym (i32.load (i32.add (local.get $symbols) (i32.shl (local.get $k) (i32.const 2)))))
        ;; The transition's first step inline; a break needs no test (every row sends it to the root).
        (local.set $at (i32.load (i32.add (global.get $rowStart) (i32.shl (local.get $state) (i32.const 2)))))
        (local.set $state
          (if (result i32) (i32.and (i32.ge_s (local.get $at) (i32.const 0)) (i32.lt_u (local.get $sym) (i32.const 38)))
            (then (i32.load (i32.add (global.get $dense) (i32.shl (i32.add (local.get $at) (local.get $sym)) (i32.const 2)))))
            (else (call $delta (local.get $state) (local.get $sym)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $node (i32.load (i32.add (global.get $report) (i32.shl (local.get $state) (i32.const 2)))))
        (block $reported
          (loop $output
            (br_if $reported (i32.le_s (local.get $node) (i32.const 0)))
            (if (i32.gt_u (i32.add (local.get $q) (i32.const 8)) (local.get $limit))
              (then
                ;; Double the memory; a page that cannot get it fails here and JavaScript takes over.
                (if (i32.eq (memory.grow (memory.size)) (i32.const -1)) (then (unreachable)))
                (local.set $limit (i32.shl (memory.size) (i32.const 16)))))
            (i32.store (local.get $q) (i32.load (i32.add (global.get $out) (i32.shl (local.get $node) (i32.const 2)))))
            (i32.store offset=4 (local.get $q) (local.get $k))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (local.set $node (i32.load (i32.add (global.get $dict) (i32.shl (local.get $node) (i32.const 2)))))
            (br $output)))
        (br $next)))
    (local.get $count)))
