#!/bin/sh
# A planted bug for check_elf_mutants.py to catch (run32.elf_mutants_planted must fail): a
# "syscompat run32 -- FILE" that runs every file natively, except that it dies of SIGBUS on
# the PT_LOAD wrapping past 4 GB, as run32's loader did before issue #16.
case "$3" in
  *.wrap_past_4g) kill -BUS $$ ;;
esac
exec "$3"
