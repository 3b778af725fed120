## contrib: shell completions, the deck pre-commit hook and its test.
## Included from the top-level Makefile.am.

bashcompletiondir = $(datadir)/bash-completion/completions
zshcompletiondir = $(datadir)/zsh/site-functions
dist_zshcompletion_DATA = contrib/_rehearse

# bash-completion loads a command's completion from a file named after
# the command, so the installed copy drops the .bash suffix.
install-data-local: install-bash-completion
uninstall-local: uninstall-bash-completion

install-bash-completion:
	$(MKDIR_P) '$(DESTDIR)$(bashcompletiondir)'
	$(INSTALL_DATA) '$(srcdir)/contrib/rehearse.bash' \
	    '$(DESTDIR)$(bashcompletiondir)/rehearse'

uninstall-bash-completion:
	rm -f '$(DESTDIR)$(bashcompletiondir)/rehearse'

.PHONY: install-bash-completion uninstall-bash-completion

EXTRA_DIST += contrib/README contrib/rehearse.bash contrib/pre-commit \
	tests/cli/contrib.sh
TESTS += tests/cli/contrib.sh
