# The grades behind tests/data/schema-v5.sql, as rehearse commands (each
# line after "rehearse --db DB"; a line starting with "<" gives the drill
# its input, \n for a newline).  tests/cli/faults-legacy-v5.sh runs them
# again on a new database to compare.
--today 2026-02-01 grade sample/first 4
--today 2026-02-01 grade sample/first 2
--today 2026-02-03 grade sample/first 5
--today 2026-02-03 grade sample/second 1
--today 2026-02-07 grade sample/second 3
<\n3\n:quit\n --today 2026-02-08 --cram drill sample
--today 2026-02-09 grade sample/third 4
--today 2026-02-09 forget sample/third --yes
--today 2026-02-10 grade sample/third 5
