# lib.tcl: shared setup for the expect tests: a private home, TAP output.
set timeout 10
log_user [expr {[info exists env(EXPECT_LOG)] ? 1 : 0}]
set tap_n 0
set tap_failed 0

proc ok {desc} {
	global tap_n
	incr tap_n
	puts "ok $tap_n - $desc"
}
proc not_ok {desc} {
	global tap_n tap_failed
	incr tap_n
	incr tap_failed
	puts "not ok $tap_n - $desc"
}
proc done_testing {} {
	global tap_n tap_failed tmp
	valgrind_check
	puts "1..$tap_n"
	file delete -force $tmp
	exit [expr {$tap_failed > 0}]
}

# want PATTERN DESC: the spawned program prints PATTERN (glob) in time.
proc want {pattern desc} {
	expect {
		-glob $pattern { ok $desc; return 1 }
		timeout { not_ok "$desc (timed out)"; return 0 }
		eof { not_ok "$desc (program ended)"; return 0 }
	}
}
proc want_re {pattern desc} {
	expect {
		-re $pattern { ok $desc; return 1 }
		timeout { not_ok "$desc (timed out)"; return 0 }
		eof { not_ok "$desc (program ended)"; return 0 }
	}
}

# want_exit DESC STATUS: the program ends with STATUS.
proc want_exit {desc status} {
	expect {
		eof {}
		timeout { not_ok "$desc (did not end)"; return }
	}
	set r [wait]
	if {[lindex $r 3] == $status} {
		ok "$desc (exit $status)"
	} else {
		not_ok "$desc: exit [lindex $r 3], want $status"
	}
}

set rehearse $env(REHEARSE)
set tmp [exec mktemp -d /tmp/rehearse-repl.XXXXXX]
set env(HOME) "$tmp/home"
set env(XDG_DATA_HOME) "$tmp/data"
set env(XDG_CONFIG_HOME) "$tmp/config"
set env(XDG_STATE_HOME) "$tmp/state"
set env(TERM) "xterm"
set env(NO_COLOR) "1"
set env(LC_ALL) "C.UTF-8"
set env(INPUTRC) "/dev/null"
file mkdir "$tmp/home"
set db "$tmp/test.db"

# Under REHEARSE_VALGRIND=1 the program runs in valgrind, through a small
# script so every spawn and exec of $rehearse is covered; the reports go
# to files that done_testing turns into one more assertion.
set valgrind [expr {[info exists env(REHEARSE_VALGRIND)] &&
    $env(REHEARSE_VALGRIND) eq "1"}]
if {$valgrind} {
	file mkdir "$tmp/valgrind"
	set f [open "$tmp/rehearse-vg" w]
	puts $f "#!/bin/sh"
	puts $f "exec valgrind -q --error-exitcode=99 --leak-check=full\
	    --show-leak-kinds=definite --errors-for-leak-kinds=definite\
	    '--log-file=$tmp/valgrind/%p.log' '$rehearse' \"\$@\""
	close $f
	file attributes "$tmp/rehearse-vg" -permissions 0755
	set rehearse "$tmp/rehearse-vg"
	set timeout 60
}

# valgrind_check: under valgrind, one assertion that it reported nothing.
proc valgrind_check {} {
	global valgrind tmp
	if {!$valgrind} {
		return
	}
	set bad {}
	foreach log [lsort [glob -nocomplain "$tmp/valgrind/*.log"]] {
		if {[file size $log] > 0} {
			lappend bad $log
		}
	}
	if {[llength $bad] == 0} {
		ok "valgrind reported nothing"
		return
	}
	not_ok "valgrind reported errors or leaks"
	foreach log $bad {
		set f [open $log]
		foreach line [split [read $f] "\n"] {
			puts "# $line"
		}
		close $f
	}
}

proc rehearse_out {args} {
	global rehearse db
	return [exec $rehearse --db $db {*}$args]
}

proc write_deck {path} {
	set f [open $path w]
	puts $f {deck: sample
title: Sample deck
cards:
  - id: first
    front: What is the first card?
    back: The first answer.
    hint: Starts with F.
  - id: second
    front: What is the second card?
    back: The second answer.
    kind: practice
  - id: third
    front: What is the third card?
    back: The third answer.}
	close $f
}
