"""`python -m gka_docgen.cli`: the same as the `gka-docgen` command."""

from gka_docgen.cli.app import main

main()
