# Build check (loader/Makefile): reads `objdump -d --no-show-raw-insn` and prints each function
# that touches memory below its stack pointer (the x86-64 red zone, which firmware interrupts
# overwrite): a memory operand (not lea) -N(%rsp), or -N(%rbp) beyond what the prologue
# reserved (pushes after `mov %rsp,%rbp` plus `sub $M,%rsp`).  Exit status 1 when there is one.
function hex(s,   i, v) { v = 0; for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; return v }
function finish() {
    if (name != "" && fp && !dynamic && deepest > pushed * 8 + reserved) { print name " (rbp-" deepest ", reserved " pushed * 8 + reserved ")"; bad++ }
}
/^[0-9a-f]+ <.*>:$/ { finish(); name = $2; fp = 0; pushed = 0; reserved = 0; deepest = 0; dynamic = 0; next }
name == "" { next }
/mov +%rsp,%rbp/ { fp = 1; next }
fp && /\tpush / { pushed++ }
/sub +\$0x[0-9a-f]+,%rsp/ { match($0, /\$0x[0-9a-f]+/); reserved += hex(substr($0, RSTART + 3, RLENGTH - 3)) }
/sub +%[a-z0-9]+,%rsp|and +\$0x[0-9a-f]+,%rsp/ { dynamic = 1 }
!/\tlea / && /-0x[0-9a-f]+\(%rsp/ { print name " (below %rsp: " $0 ")"; bad++ }
fp && !/\tlea / && /-0x[0-9a-f]+\(%rbp/ { match($0, /-0x[0-9a-f]+\(%rbp/); n = hex(substr($0, RSTART + 3, RLENGTH - 8)); if (n > deepest) deepest = n }
END { finish(); exit bad > 0 }
