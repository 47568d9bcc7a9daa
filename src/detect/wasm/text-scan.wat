;; The matcher's per-character work in WebAssembly: normalize.ts's normalizeInto, aho-corasick.ts's
;; scan and text-scan.ts's whole-word filter, the same rules over the same tables, in one pass. A
;; content script runs cold on every page, where these loops run in V8's interpreter while TurboFan
;; compiles them; WebAssembly is compiled before it runs.
;;
;; The text comes in as UTF-8 (TextEncoder.encodeInto writes it into this memory natively). Letters
;; beyond ASCII are classified by JavaScript (`env.other`, normalize.ts's otherSymbol), once per code
;; point per instance. What goes out is only the whole-word hits, as (pattern, start, end) with
;; offsets in UTF-16 code units, as JavaScript counts them: where each of the last RING symbols
;; starts, and whether it is a boundary, live in a ring, enough to look one symbol before the longest
;; pattern.
;;
;; wasm-text-scanner.ts lays out the memory and copies the packed tables in; `npm run build:wasm`
;; turns this file into text-scan-binary.ts, and a unit test checks that the two agree.
(module
  (import "env" "other" (func $other (param i32) (result i32)))
  (memory (export "memory") 1)

  ;; Byte addresses of the tables, set once by `setup`. Each holds i32s.
  (global $ascii (mut i32) (i32.const 0))  ;; 128: the symbol of each ASCII code
  (global $cache (mut i32) (i32.const 0))  ;; 65,536: the symbol of each other BMP code point, 0 = not asked yet
  (global $full (mut i32) (i32.const 0))   ;; the states with a row in $dense: 0 to $full - 1
  (global $dense (mut i32) (i32.const 0))  ;; 38 per state with a row: its transitions on ASCII symbols
  (global $slots (mut i32) (i32.const 0))  ;; edge hash: (state, symbol, target) triples, -1 = empty
  (global $mask (mut i32) (i32.const 0))
  (global $shift (mut i32) (i32.const 0))
  (global $fail (mut i32) (i32.const 0))
  (global $out (mut i32) (i32.const 0))    ;; per state: the pattern ending there, or -1
  (global $dict (mut i32) (i32.const 0))   ;; per state: the nearest suffix state with a pattern, or -1
  (global $lengths (mut i32) (i32.const 0));; per pattern: its length in symbols
  (global $ring (mut i32) (i32.const 0))   ;; RING entries of (start, is a boundary)

  ;; The scan's output.
  (global $q (mut i32) (i32.const 0))      ;; where the next hit goes
  (global $limit (mut i32) (i32.const 0))  ;; the end of the memory

;; RING = 256 entries of 8 bytes, entry j at $ring + (j & 255) * 8: JavaScript refuses a catalog with
  ;; a pattern of 255 symbols or more.

  ;; Where (state, symbol) starts probing in the edge hash (aho-corasick.ts's slotOf).
  (func $slotOf (param $state i32) (param $sym i32) (result i32)
    (local $h i32)
    (local.set $h (i32.xor (i32.mul (local.get $state) (i32.const 0x9e3779b1)) (local.get $sym)))
    (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))))
    (local.set $h (i32.mul (local.get $h) (i32.const 0x85ebca6b)))
    (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))) (global.get $shift)))

  ;; Addresses of the tables (bytes), the edge list's length in triples, and the edge hash's size
  ;; (2^bits slots, at least twice the edges); builds the edge hash from the list. $dense holds the
  ;; dense states' rows ($rows of them, the first states), with room after them up to $full rows: the
  ;; rows of the next states are made here (see $fill).
  (func (export "setup")
    (param $ascii i32) (param $cache i32) (param $dense i32) (param $rows i32) (param $full i32) (param $fail i32)
    (param $out i32) (param $dict i32) (param $lengths i32) (param $edges i32) (param $edgeCount i32)
    (param $slots i32) (param $bits i32) (param $ring i32)
    (local $e i32) (local $end i32) (local $slot i32)
    (global.set $ascii (local.get $ascii))
    (global.set $cache (local.get $cache))
    (global.set $dense (local.get $dense))
    (global.set $full (local.get $full))
    (global.set $fail (local.get $fail))
    (global.set $out (local.get $out))
    (global.set $dict (local.get $dict))
    (global.set $lengths (local.get $lengths))
    (global.set $slots (local.get $slots))
    (global.set $mask (i32.sub (i32.shl (i32.const 1) (local.get $bits)) (i32.const 1)))
    (global.set $shift (i32.sub (i32.const 32) (local.get $bits)))
    (global.set $ring (local.get $ring))
    (memory.fill (local.get $slots) (i32.const 0xff) (i32.mul (i32.shl (i32.const 1) (local.get $bits)) (i32.const 12)))
    (local.set $e (local.get $edges))
    (local.set $end (i32.add (local.get $edges) (i32.mul (local.get $edgeCount) (i32.const 12))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $e) (local.get $end)))
        (local.set $slot (call $slotOf (i32.load (local.get $e)) (i32.load offset=4 (local.get $e))))
        (block $free
          (loop $probe
            (br_if $free (i32.eq (i32.load (i32.add (global.get $slots) (i32.mul (local.get $slot) (i32.const 12)))) (i32.const -1)))
            (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $mask)))
            (br $probe)))
        (i32.store (i32.add (global.get $slots) (i32.mul (local.get $slot) (i32.const 12))) (i32.load (local.get $e)))
        (i32.store offset=4 (i32.add (global.get $slots) (i32.mul (local.get $slot) (i32.const 12))) (i32.load offset=4 (local.get $e)))
        (i32.store offset=8 (i32.add (global.get $slots) (i32.mul (local.get $slot) (i32.const 12))) (i32.load offset=8 (local.get $e)))
        (local.set $e (i32.add (local.get $e) (i32.const 12)))
        (br $next)))
    (call $fill (local.get $rows) (local.get $full) (local.get $edges) (local.get $end)))

  ;; The rows of states $from to $to - 1 (each with its failure links folded in, as a dense row has),
  ;; so that the scan makes one read per character in every state a page is likely to reach, not a
  ;; hash probe and a walk along failure links in each deep one (a fifth of the scan's time on the
  ;; 1 MB bench page). States are numbered breadth first: a state's failure state is shallower, so
  ;; its row is complete already, and the edge list [$e, $end) is in order of state. A table that
  ;; breaks either order stops here, and JavaScript scans instead.
  (func $fill (param $from i32) (param $to i32) (param $e i32) (param $end i32)
    (local $s i32) (local $f i32) (local $at i32) (local $parent i32) (local $last i32)
    (local.set $s (local.get $from))
    (block $filled
      (loop $state
        (br_if $filled (i32.ge_u (local.get $s) (local.get $to)))
        (local.set $f (i32.load (i32.add (global.get $fail) (i32.shl (local.get $s) (i32.const 2)))))
        (if (i32.ge_u (local.get $f) (local.get $s)) (then (unreachable)))
        (local.set $at (i32.add (global.get $dense) (i32.mul (local.get $s) (i32.const 152))))
        (memory.copy (local.get $at) (i32.add (global.get $dense) (i32.mul (local.get $f) (i32.const 152))) (i32.const 152))
        ;; Its own edges on ASCII symbols; the edges of the states before it are passed over.
        (block $own
          (loop $edge
            (br_if $own (i32.ge_u (local.get $e) (local.get $end)))
            (local.set $parent (i32.load (local.get $e)))
            (br_if $own (i32.gt_u (local.get $parent) (local.get $s)))
            (if (i32.lt_u (local.get $parent) (local.get $last)) (then (unreachable)))
            (local.set $last (local.get $parent))
            (if (i32.and (i32.eq (local.get $parent) (local.get $s)) (i32.lt_u (i32.load offset=4 (local.get $e)) (i32.const 38)))
              (then
                (i32.store
                  (i32.add (local.get $at) (i32.shl (i32.load offset=4 (local.get $e)) (i32.const 2)))
                  (i32.load offset=8 (local.get $e)))))
            (local.set $e (i32.add (local.get $e) (i32.const 12)))
            (br $edge)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $state))))

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

  ;; The full transition from $state on $sym, failure links followed (aho-corasick.ts's transition).
  (func $delta (param $state i32) (param $sym i32) (result i32)
    (local $slot i32) (local $at i32) (local $from i32)
    (loop $fallback
      (if (i32.and (i32.lt_u (local.get $state) (global.get $full)) (i32.lt_u (local.get $sym) (i32.const 38)))
        (then (return (i32.load (i32.add (global.get $dense) (i32.shl (i32.add (i32.mul (local.get $state) (i32.const 38)) (local.get $sym)) (i32.const 2)))))))
      (local.set $slot (call $slotOf (local.get $state) (local.get $sym)))
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

;; Report the patterns that end at symbol $j, the automaton being in $state after it, when the symbol
  ;; after $j is a boundary (or the text ends): each with a boundary before it too is written out.
  (func $report (param $j i32) (param $state i32)
    (local $node i32) (local $pattern i32) (local $s i32) (local $before i32)
    ;; The first state with a pattern: this one, or its dictionary link.
    (local.set $node
      (select (local.get $state)
        (i32.load (i32.add (global.get $dict) (i32.shl (local.get $state) (i32.const 2))))
        (i32.ge_s (i32.load (i32.add (global.get $out) (i32.shl (local.get $state) (i32.const 2)))) (i32.const 0))))
    (block $reported
      (loop $output
        (br_if $reported (i32.le_s (local.get $node) (i32.const 0)))
        (local.set $pattern (i32.load (i32.add (global.get $out) (i32.shl (local.get $node) (i32.const 2)))))
        (local.set $s (i32.sub (i32.add (local.get $j) (i32.const 1))
          (i32.load (i32.add (global.get $lengths) (i32.shl (local.get $pattern) (i32.const 2))))))
        (local.set $before
          (if (result i32) (i32.eqz (local.get $s))
            (then (i32.const 1))
            (else (i32.load offset=4 (i32.add (global.get $ring)
              (i32.shl (i32.and (i32.sub (local.get $s) (i32.const 1)) (i32.const 255)) (i32.const 3)))))))
        (if (local.get $before)
          (then
            (if (i32.gt_u (i32.add (global.get $q) (i32.const 12)) (global.get $limit))
              (then
                ;; Double the memory; a page that cannot get it fails here and JavaScript takes over.
                (if (i32.eq (memory.grow (memory.size)) (i32.const -1)) (then (unreachable)))
                (global.set $limit (i32.shl (memory.size) (i32.const 16)))))
            (i32.store (global.get $q) (local.get $pattern))
            (i32.store offset=4 (global.get $q) (i32.load (i32.add (global.get $ring)
              (i32.shl (i32.and (local.get $s) (i32.const 255)) (i32.const 3)))))
            ;; A pattern ends on a letter or a digit: one UTF-16 unit.
            (i32.store offset=8 (global.get $q) (i32.add (i32.load (i32.add (global.get $ring)
              (i32.shl (i32.and (local.get $j) (i32.const 255)) (i32.const 3)))) (i32.const 1)))
            (global.set $q (i32.add (global.get $q) (i32.const 12)))))
        (local.set $node (i32.load (i32.add (global.get $dict) (i32.shl (local.get $node) (i32.const 2)))))
        (br $output))))

  ;; Scan the UTF-8 text [in, in + bytes): hits go from $hits on as (pattern, start, end) triples;
  ;; returns how many.
  ;;
  ;; Each symbol is fed to the automaton as it is written, and the patterns ending at a letter or digit
  ;; are reported when the next symbol turns out to be a boundary (a separator, a break, the end).
  ;; Everything the loop runs per character is written out in it, transitions included: V8 runs this
  ;; module in its baseline compiler (Liftoff) for most of a page's scan, where a call costs more than
  ;; its body. Only a state without a row or a symbol beyond ASCII ($delta), and a possible report
  ;; ($report), are calls.
  (func (export "run") (param $in i32) (param $bytes i32) (param $hits i32) (result i32)
    (local $p i32) (local $end i32) (local $i i32) (local $b i32) (local $sym i32)
    (local $prev i32) ;; the last symbol written: 0 break (or nothing yet), 1 separator, -2 letter, -3 digit
    (local $len i32)  ;; symbols written
    (local $e i32)    ;; the ring entry being written
    (local $st i32)   ;; the automaton's state after the symbols written
    (local $ascii i32) (local $ring i32) (local $full i32) (local $dense i32) (local $dict i32) (local $out i32)
    (local.set $ascii (global.get $ascii))
    (local.set $ring (global.get $ring))
    (local.set $full (global.get $full))
    (local.set $dense (global.get $dense))
    (local.set $dict (global.get $dict))
    (local.set $out (global.get $out))
    (global.set $q (local.get $hits))
    (global.set $limit (i32.shl (memory.size) (i32.const 16)))
    (local.set $p (local.get $in))
    (local.set $end (i32.add (local.get $in) (local.get $bytes)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $b (i32.load8_u (local.get $p)))
        (if (i32.lt_u (local.get $b) (i32.const 0x80))
          (then
            (local.set $sym (i32.load (i32.add (local.get $ascii) (i32.shl (local.get $b) (i32.const 2)))))
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
        ;; What this character writes: a letter or digit (after the seam separator when a digit
        ;; follows a letter), one separator for a run, a break, or a separator turned into a break.
        (if (i32.gt_s (local.get $sym) (i32.const 1))
          (then
            (if (i32.and (i32.lt_s (local.get $sym) (i32.const 12)) (i32.eq (local.get $prev) (i32.const -2)))
              (then
                ;; The seam of "gpt4o": a separator that stands for no character and is no boundary.
                (local.set $e (i32.add (local.get $ring) (i32.shl (i32.and (local.get $len) (i32.const 255)) (i32.const 3))))
                (i32.store (local.get $e) (local.get $i))
                (i32.store offset=4 (local.get $e) (i32.const 0))
                (local.set $len (i32.add (local.get $len) (i32.const 1)))
                (local.set $st
                  (if (result i32) (i32.lt_u (local.get $st) (local.get $full))
                    (then (i32.load offset=4 (i32.add (local.get $dense) (i32.mul (local.get $st) (i32.const 152)))))
                    (else (call $delta (local.get $st) (i32.const 1)))))))
            (local.set $prev (select (i32.const -3) (i32.const -2) (i32.lt_s (local.get $sym) (i32.const 12))))
            (local.set $e (i32.add (local.get $ring) (i32.shl (i32.and (local.get $len) (i32.const 255)) (i32.const 3))))
            (i32.store (local.get $e) (local.get $i))
            (i32.store offset=4 (local.get $e) (i32.const 0))
            (local.set $len (i32.add (local.get $len) (i32.const 1)))
            (local.set $st
              (if (result i32) (i32.and (i32.lt_u (local.get $st) (local.get $full)) (i32.lt_u (local.get $sym) (i32.const 38)))
                (then (i32.load (i32.add (local.get $dense) (i32.shl (i32.add (i32.mul (local.get $st) (i32.const 38)) (local.get $sym)) (i32.const 2)))))
                (else (call $delta (local.get $st) (local.get $sym))))))
          (else
            ;; A boundary after a letter or digit: the patterns ending there are reported first.
            (if (i32.lt_s (local.get $prev) (i32.const 0))
              (then
                (if (i32.gt_s
                      (select (local.get $st)
                        (i32.load (i32.add (local.get $dict) (i32.shl (local.get $st) (i32.const 2))))
                        (i32.ge_s (i32.load (i32.add (local.get $out) (i32.shl (local.get $st) (i32.const 2)))) (i32.const 0)))
                      (i32.const 0))
                  (then (call $report (i32.sub (local.get $len) (i32.const 1)) (local.get $st))))))
            (if (i32.eq (local.get $sym) (i32.const 1))
              (then
                ;; A run of separators is one; none opens a block.
                (if (i32.lt_s (local.get $prev) (i32.const 0))
                  (then
                    (local.set $e (i32.add (local.get $ring) (i32.shl (i32.and (local.get $len) (i32.const 255)) (i32.const 3))))
                    (i32.store (local.get $e) (local.get $i))
                    (i32.store offset=4 (local.get $e) (i32.const 1))
                    (local.set $len (i32.add (local.get $len) (i32.const 1)))
                    (local.set $st
                      (if (result i32) (i32.lt_u (local.get $st) (local.get $full))
                        (then (i32.load offset=4 (i32.add (local.get $dense) (i32.mul (local.get $st) (i32.const 152)))))
                        (else (call $delta (local.get $st) (i32.const 1)))))
                    (local.set $prev (i32.const 1)))))
              (else
                ;; A break: every state goes back to the root on it. A separator right before it
                ;; becomes the break (it was a boundary already); otherwise the break is written.
                (local.set $st (i32.const 0))
                (if (i32.lt_s (local.get $prev) (i32.const 0))
                  (then
                    (local.set $e (i32.add (local.get $ring) (i32.shl (i32.and (local.get $len) (i32.const 255)) (i32.const 3))))
                    (i32.store (local.get $e) (local.get $i))
                    (i32.store offset=4 (local.get $e) (i32.const 1))
                    (local.set $len (i32.add (local.get $len) (i32.const 1)))))
                (local.set $prev (i32.const 0))))))
        ;; One UTF-16 unit per character, two for a four-byte one.
        (local.set $i (i32.add (local.get $i)
          (select (i32.const 2) (i32.const 1) (i32.ge_u (local.get $b) (i32.const 0xf0)))))
        (br $next)))
    ;; The end of the text is a boundary.
    (if (i32.lt_s (local.get $prev) (i32.const 0))
      (then (call $report (i32.sub (local.get $len) (i32.const 1)) (local.get $st))))
    (i32.div_u (i32.sub (global.get $q) (local.get $hits)) (i32.const 12))))
